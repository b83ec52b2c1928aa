export { HomeService, type UpcomingSessionsSource } from './home.service.ts';
export { OnboardingRepository } from './onboarding.repository.ts';
export { onboardingRoutes } from './onboarding.routes.ts';
export { OnboardingService } from './onboarding.service.ts';
