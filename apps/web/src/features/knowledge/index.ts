// The knowledge feature's door: what other features and app/ may use. Nothing exported here
// may pull in Excalidraw or mermaid: thread and session pages import it.

export type { CaptureSource } from './api/capture';
export { CapturedIn } from './components/captured-in';
export { SaveAsKnowledgeButton } from './components/save-as-knowledge-button';
export { knowledgePaths } from './lib/paths';
