/**
 * The path lives under 'communities' so that joining or leaving (which refreshes every
 * community query) also refreshes whether one may follow it; home is the person's own page.
 */
export const onboardingKeys = {
  path: (slug: string) => ['communities', 'start-here', slug] as const,
  home: ['home'] as const,
};
