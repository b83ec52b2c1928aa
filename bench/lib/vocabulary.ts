/**
 * Word lists of the reference organisation. Lists are ordered from common to rare where order
 * matters (nouns, verbs): the text generator draws them with a Zipf distribution, so the first
 * words appear in a large share of posts and the last ones in a few thousand.
 */
const words = (text: string) => text.trim().split(/\s*\|\s*/);

export const FIRST_NAMES = words(`
  Ada | Alan | Amara | Anders | Aiko | Ali | Amelia | Andrea | Anika | Arjun | Astrid | Ayesha | Ben | Bianca | Bo | Camille |
  Carlos | Chen | Chiara | Dario | Daniel | Dara | Deepa | Diego | Dmitri | Elena | Elif | Emeka | Emma | Erik | Esther | Fatima |
  Felix | Finn | Freya | Gabriel | Grace | Hana | Hannah | Hassan | Helena | Hiro | Ibrahim | Ines | Ingrid | Isaac | Ivan | Jade |
  Jakob | Jana | Javier | Jin | Joao | Jonas | Julia | Kai | Kamal | Karin | Kate | Kenji | Kofi | Lara | Lea | Leon | Liam |
  Lina | Luca | Lucia | Magnus | Maja | Malik | Marco | Maria | Mateo | Maya | Mei | Mila | Mohammed | Nadia | Naomi | Nils |
  Nina | Noah | Nora | Oliver | Olga | Omar | Oscar | Pablo | Paula | Pedro | Priya | Rafael | Rahul | Rania | Ravi | Rosa |
  Ruth | Sami | Sara | Sebastian | Selin | Shreya | Simon | Sofia | Sven | Tariq | Thea | Tomas | Uma | Valentina | Victor |
  Wei | Yara | Yusuf | Zara | Zoe`);

export const LAST_NAMES = words(`
  Abara | Achterberg | Adeyemi | Alvarez | Andersson | Bauer | Becker | Bergstrom | Bianchi | Brandt | Castillo | Chandra |
  Chen | Costa | Dahl | Das | Delgado | Dubois | Eriksen | Fischer | Fontaine | Garcia | Gupta | Haddad | Hansen | Hartmann |
  Hoffmann | Horvat | Ibrahim | Ivanova | Jansen | Jensen | Kaur | Keller | Khan | Kim | Kowalski | Kruger | Lang | Larsen |
  Lindqvist | Lopez | Maier | Marino | Martin | Meyer | Moreau | Muller | Murphy | Nakamura | Navarro | Nguyen | Nielsen |
  Novak | Okafor | Olsen | Ortiz | Park | Patel | Petrov | Popescu | Quinn | Ramos | Rao | Reyes | Richter | Rossi | Sato |
  Schmidt | Schneider | Sharma | Silva | Singh | Sokolov | Suzuki | Svensson | Tanaka | Torres | Varga | Vogel | Wagner |
  Walsh | Weber | Wolf | Yamamoto | Yilmaz | Zhang | Zimmermann | Okonkwo | Mensah | Boateng | Farouk | Lindgren | Halvorsen |
  Kovacs | Mazur | Nowak | Dimitrov | Georgiou | Papadakis | Costa | Ferreira | Almeida | Santos | Mendes | Takahashi | Watanabe |
  Ito | Kobayashi | Liu | Wang | Huang | Zhao | Wu | Sun | Ma | Zhou | Xu | Lin`);

export const TEAMS = words(`
  Payments Platform | Checkout | Search & Discovery | Identity | Mobile Apps | Web Platform | Data Platform | ML Platform |
  Developer Experience | Cloud Infrastructure | Site Reliability | Security Engineering | Observability | Billing | Growth |
  Notifications | Catalogue | Pricing | Logistics | Fulfilment | Customer Support Tools | Internal Tools | Design Systems |
  Analytics | Data Science | Risk & Fraud | Partner Integrations | Messaging | Media Pipeline | Storage | Networking |
  Release Engineering | QA Automation | Accessibility | Localisation | Onboarding | Accounts | Marketplace | Recommendations |
  Edge & CDN`);

export const SENIORITY_TITLES: Record<string, string[]> = {
  junior: ['Software Engineer I', 'Junior Developer', 'Associate Engineer', 'QA Engineer'],
  mid: ['Software Engineer', 'Backend Engineer', 'Frontend Engineer', 'Data Engineer', 'Site Reliability Engineer', 'Mobile Engineer'],
  senior: ['Senior Software Engineer', 'Senior Backend Engineer', 'Senior Data Engineer', 'Senior SRE', 'Engineering Manager'],
  'staff+': ['Staff Engineer', 'Principal Engineer', 'Distinguished Engineer', 'Architect', 'Director of Engineering'],
};

/** Community topics: a name, what the community is about, and the words its conversations lean on. */
export const TOPICS: { name: string; domain: string; terms: string[] }[] = words(`
  Kubernetes;Running and operating Kubernetes clusters;kubernetes,pod,helm,operator,kubectl,ingress,namespace |
  Observability;Logs, metrics and traces that answer questions;opentelemetry,trace,span,prometheus,grafana,cardinality |
  Rust;Writing and shipping Rust services;rust,cargo,borrow,lifetime,tokio,unsafe |
  TypeScript;Typed JavaScript across front and back end;typescript,generics,tsconfig,narrowing,zod,inference |
  Go;Go services and tooling;golang,goroutine,channel,context,gomod,pprof |
  Python;Python for services and data;python,asyncio,pip,poetry,typing,pandas |
  Java & JVM;Java, Kotlin and the JVM;jvm,gradle,kotlin,spring,heap,garbage |
  Frontend Performance;Fast pages on slow devices;lighthouse,bundle,hydration,lcp,inp,prefetch |
  Accessibility;Products everyone can use;aria,screenreader,contrast,focus,wcag,keyboard |
  Testing;Tests that catch bugs and stay fast;vitest,playwright,flaky,fixture,mock,coverage |
  PostgreSQL;Running PostgreSQL well;postgres,vacuum,autovacuum,pgbouncer,replica,wal |
  Data Engineering;Pipelines, warehouses and data contracts;airflow,dbt,parquet,warehouse,lineage,backfill |
  Machine Learning;Training and serving models;model,feature,inference,embedding,drift,notebook |
  Security;Secure by default;cve,secret,oauth,csrf,sast,pentest |
  Incident Response;Handling incidents calmly;incident,postmortem,pager,runbook,severity,mitigation |
  API Design;APIs people enjoy using;openapi,rest,grpc,graphql,pagination,versioning |
  Event-Driven Architecture;Events, queues and streams;kafka,consumer,partition,outbox,idempotency,saga |
  Platform Engineering;Paved roads for product teams;backstage,golden,template,scaffold,selfservice,portal |
  Terraform & IaC;Infrastructure as code;terraform,module,state,drift,plan,provider |
  CI/CD;Builds and deploys that stay green;pipeline,runner,artifact,canary,rollout,cache |
  Mobile Development;iOS and Android apps;swift,kotlin,gradle,testflight,crash,offline |
  Design Systems;Shared components and tokens;component,token,storybook,theme,variant,figma |
  Domain-Driven Design;Modelling complex domains;aggregate,bounded,context,invariant,ubiquitous,event |
  Architecture;System design and its trade-offs;adr,monolith,microservice,coupling,boundary,tradeoff |
  Site Reliability;Reliability as a feature;slo,errorbudget,toil,capacity,latency,availability |
  Cloud Cost;Spending well in the cloud;finops,reserved,spot,rightsizing,egress,budget |
  Code Review;Reviews that teach and unblock;review,nit,approval,diff,pairing,feedback |
  Engineering Leadership;Leading engineering teams;oneonone,career,hiring,roadmap,delegation,feedback |
  Developer Productivity;Less waiting, more building;buildtime,monorepo,bazel,devcontainer,hotreload,tooling |
  GraphQL;Schemas, resolvers and federation;graphql,resolver,schema,federation,dataloader,persisted |
  Caching;Caches that help, not hurt;redis,memcached,ttl,invalidation,stampede,eviction |
  Search;Search that finds things;elasticsearch,relevance,analyzer,tokenizer,bm25,synonym |
  Privacy;Personal data handled with care;gdpr,retention,consent,anonymisation,dpia,pii |
  Web Security;Safe browsers and servers;xss,csp,cors,cookie,sanitizer,clickjacking |
  Linux & Systems;Operating systems and performance;linux,kernel,cgroup,ebpf,syscall,perf |
  Networking;Networks, DNS and load balancing;dns,tls,loadbalancer,envoy,latency,mtu |
  Databases;Choosing and operating databases;index,query,transaction,isolation,replication,sharding |
  Distributed Systems;Consensus, clocks and failure;raft,consensus,partition,clock,quorum,leader |
  Functional Programming;Functions, types and effects;monad,immutable,purity,effect,fold,currying |
  Performance Engineering;Finding and fixing slowness;profiler,flamegraph,allocation,benchmark,throughput,p99 |
  Feature Flags;Shipping safely behind flags;flag,rollout,experiment,killswitch,cohort,toggle |
  Experimentation;A/B tests and causal inference;experiment,variant,significance,metric,guardrail,uplift |
  Documentation;Docs that people read;docs,readme,diataxis,tutorial,reference,howto |
  Open Source;Contributing and consuming open source;license,upstream,maintainer,fork,contribution,sbom |
  Technical Writing;Writing clearly for engineers;writing,audience,structure,edit,clarity,style |
  WebAssembly;Wasm in browsers and servers;wasm,wasi,component,runtime,sandbox,toolchain |
  Serverless;Functions and managed services;lambda,coldstart,function,trigger,concurrency,timeout |
  Edge Computing;Code close to users;edge,cdn,worker,cache,latency,routing |
  Identity & Access;Authentication and authorisation;oidc,saml,rbac,abac,token,session |
  Data Quality;Data you can trust;expectation,freshness,contract,anomaly,null,validation |
  Streaming;Real-time data streams;flink,kafka,window,watermark,state,exactlyonce |
  LLM Applications;Building with large language models;prompt,rag,embedding,eval,hallucination,agent |
  Chaos Engineering;Learning from controlled failure;chaos,gameday,blastradius,fault,resilience,hypothesis |
  Technical Debt;Paying down what slows us;debt,refactor,legacy,deprecation,cleanup,migration |
  Pairing & Mobbing;Working together on code;pairing,mobbing,driver,navigator,rotation,ensemble |
  Product Engineering;Engineers who shape the product;discovery,outcome,customer,metric,prototype,roadmap |
  Hiring & Interviewing;Fair and useful interviews;interview,rubric,loop,takehome,calibration,onboarding |
  Onboarding;Getting new engineers productive;onboarding,buddy,checklist,firstweek,handbook,setup |
  Containers;Images, registries and runtimes;docker,image,layer,registry,buildkit,distroless |
  Service Mesh;Traffic between services;istio,linkerd,sidecar,mtls,retry,circuitbreaker |
  Queueing & Jobs;Background work done right;queue,worker,retry,deadletter,backoff,scheduler |
  Localisation;Products in every language;i18n,locale,translation,plural,rtl,icu |
  Green Software;Software that uses less energy;carbon,energy,efficiency,footprint,scheduling,measurement |
  Embedded & IoT;Devices and firmware;firmware,mqtt,sensor,rtos,ota,microcontroller |
  Game Days;Practising for bad days;gameday,scenario,drill,runbook,rotation,escalation |
  Quality Engineering;Quality built in;quality,exploratory,regression,contract,mutation,shiftleft`).map((line) => {
  const [name = '', domain = '', terms = ''] = line.split(';');
  return { name, domain, terms: terms.split(',') };
});

/** Suffixes that make more communities from the topics (a topic often has several groups). */
export const COMMUNITY_VARIANTS = ['', ' Guild', ' Practitioners', ' Study Group', ' in Production', ' Clinic', ' Working Group'];

export const NOUNS = words(`
  service | deploy | test | team | build | cluster | database | query | request | release | error | config | pipeline | cache |
  latency | endpoint | metric | log | alert | incident | dependency | container | migration | schema | index | review |
  branch | timeout | retry | queue | worker | job | dashboard | trace | library | module | client | server | upgrade |
  rollout | rollback | feature flag | load balancer | connection pool | read replica | message queue | error budget |
  on-call rotation | code review | pull request | integration test | unit test | staging environment | runbook | postmortem |
  throughput | memory | CPU | disk | network | secret | token | session | permission | certificate | backup | snapshot |
  partition | consumer | producer | topic | event | webhook | cron job | batch job | data pipeline | API | SDK | CLI | script |
  repository | monorepo | package | version | changelog | benchmark | profile | flame graph | heap dump | thread dump |
  health check | readiness probe | liveness probe | sidecar | proxy | gateway | rate limit | circuit breaker | backoff |
  dead letter queue | schema registry | feature store | data contract | SLO | SLA | alert rule | paging policy | escalation |
  design doc | ADR | RFC | roadmap | spike | prototype | proof of concept | tech debt | refactor | deprecation | interface |
  contract test | snapshot test | load test | smoke test | canary | blue-green deploy | hotfix | patch | regression | outage |
  capacity plan | cost report | quota | autoscaler | node pool | spot instance | reserved instance | storage class | volume |
  ingress | DNS record | TLS handshake | handshake | cold start | warm pool | thread pool | event loop | goroutine | mutex |
  deadlock | race condition | memory leak | garbage collector | allocation | serializer | parser | validator | middleware |
  ORM | query plan | full table scan | vacuum | checkpoint | write-ahead log | replication lag | failover | leader election |
  consensus | quorum | idempotency key | outbox | saga | projection | read model | aggregate | bounded context | domain event |
  component | design token | storybook | bundle | hydration | service worker | web vital | screen reader | focus trap |
  color contrast | form label | translation | locale | time zone | daylight saving | leap second | unicode | emoji`);

export const VERBS = words(`
  deploy | test | fix | debug | monitor | measure | review | ship | migrate | upgrade | refactor | document | automate | cache |
  retry | profile | benchmark | roll back | pin | split | merge | batch | throttle | shard | index | replicate | back up |
  restore | rotate | revoke | audit | lint | format | bundle | tree-shake | lazy-load | prefetch | paginate | stream | buffer |
  debounce | validate | sanitise | encrypt | sign | verify | trace | sample | alert on | page on | escalate | triage |
  reproduce | bisect | isolate | mock | stub | containerise | orchestrate | schedule | drain | cordon | scale | right-size |
  decommission | deprecate | sunset | version | publish | vendor | upstream | fork | backport | cherry-pick | rebase | squash`);

export const ADJECTIVES = words(`
  flaky | slow | fast | stale | noisy | expensive | cheap | brittle | robust | idempotent | eventual | consistent | legacy |
  critical | intermittent | reproducible | unexpected | silent | cascading | partial | hot | cold | warm | shared | internal |
  public | private | deprecated | experimental | stable | nightly | long-running | short-lived | high-cardinality | large |
  small | concurrent | parallel | sequential | blocking | non-blocking | asynchronous | synchronous | immutable | mutable |
  stateless | stateful | distributed | local | remote | regional | global | multi-tenant | single-tenant | accessible`);

/**
 * Words that appear in a few dozen documents each: what someone types when they look for the
 * one answer a colleague gave. Drawn uniformly, rarely (see RARE_RATE in text.ts).
 */
export const RARE_TERMS = words(`
  EADDRINUSE | ECONNRESET | ETIMEDOUT | OOMKilled | CrashLoopBackOff | ImagePullBackOff | SIGSEGV | ENOSPC | EMFILE |
  thundering | bitemporal | hyperloglog | bloomfilter | tombstoning | backpressure | debouncer | memoisation | reentrancy |
  linearizability | serializability | hazelcast | zookeeper | etcd | consul | nomad | vault | keycloak | dex | spiffe |
  cilium | calico | flannel | karpenter | keda | argocd | fluxcd | tekton | buildpacks | kaniko | skaffold | tilt | telepresence |
  pyroscope | parca | tempo | loki | mimir | thanos | cortex | victoriametrics | clickhouse | duckdb | timescale | citus |
  cockroach | yugabyte | tidb | vitess | scylla | cassandra | dynamo | spanner | bigtable | foundationdb | rocksdb | leveldb |
  sqlite | litestream | pglogical | debezium | maxwell | canal | pulsar | nats | rabbitmq | activemq | kinesis | pubsub |
  temporal | cadence | conductor | dagster | prefect | luigi | mage | meltano | airbyte | fivetran | singer | great_expectations |
  soda | monte | datahub | amundsen | openlineage | marquez | iceberg | hudi | deltalake | trino | presto | spark | beam |
  ray | dask | polars | arrow | substrait | velox | datafusion | ballista | quickwit | tantivy | meilisearch | typesense |
  vespa | qdrant | weaviate | milvus | pgvector | faiss | annoy | hnsw | scann | colbert | splade | reranker | distillation |
  quantisation | lora | qlora | vllm | tgi | triton | onnx | tensorrt | openvino | coreml | tflite | mediapipe | whisper |
  zigbee | lorawan | modbus | canbus | zephyr | freertos | nuttx | esp32 | nrf52 | stm32 | riscv | yocto | buildroot | mender |
  swupdate | balena | flatcar | bottlerocket | talos | k3s | k0s | microk8s | kind | minikube | rancher | openshift | tanzu |
  crossplane | pulumi | cdktf | terragrunt | atlantis | spacelift | infracost | checkov | tfsec | trivy | grype | syft | cosign |
  sigstore | rekor | fulcio | intoto | slsa | scorecard | renovate | dependabot | snyk | semgrep | codeql | sonarqube | gitleaks |
  trufflehog | falco | tetragon | tracee | kyverno | gatekeeper | opa | rego | cedar | zanzibar | openfga | spicedb | permify`);

/** Inline code people paste into sentences. */
export const INLINE_CODE = words(`
  kubectl get pods -A | kubectl rollout undo | git rebase -i main | git bisect run | npm ci | npx vitest run | cargo build --release |
  go test ./... | pip install -e . | docker compose up | terraform plan | helm upgrade --install | EXPLAIN ANALYZE |
  SELECT ... FOR UPDATE | max_connections | work_mem | --max-old-space-size=4096 | NODE_OPTIONS | GOMAXPROCS | ulimit -n |
  strace -f | perf record -g | curl -v | dig +trace | openssl s_client | jq '.items[]' | Promise.all | AbortController |
  useEffect | React.memo | Array.prototype.sort | structuredClone | async/await | Result<T, E> | Option::unwrap | context.WithTimeout |
  sync.Mutex | @Transactional | ThreadLocal | asyncio.gather | functools.lru_cache | __init__.py | tsconfig.json | package-lock.json |
  Cargo.lock | go.sum | Dockerfile | .github/workflows | values.yaml | Chart.yaml | kustomization.yaml | main.tf | retry_after |
  Idempotency-Key | Cache-Control: no-store | X-Request-Id | 429 Too Many Requests | 503 Service Unavailable | ORDER BY created_at`);

export const TAGS = words(`
  performance | security | reliability | testing | migration | how-to | incident | architecture | tooling | onboarding |
  cost | observability | accessibility | frontend | backend | data | infra | api | database | release | debugging | career`);

export const TIME_ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Singapore', 'Asia/Kolkata'];

export const PLACES = ['Room Ada (3rd floor)', 'Atrium', 'Library', 'Room Hopper', 'Room Turing', 'Kitchen table', null, null];
