// The onboarding feature's door: newcomer paths on a community's front page, and the home page's "what next".
export { useHome } from './api/get-home';
export { onboardingKeys } from './api/keys';
export { StartHere } from './components/start-here';
