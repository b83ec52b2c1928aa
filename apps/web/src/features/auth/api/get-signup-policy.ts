import type { SignUpPolicy } from '@guildhall/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getSignUpPolicy = (signal?: AbortSignal) => api.get<SignUpPolicy>('/auth/signup-policy', undefined, signal);

export const useSignUpPolicy = () => useQuery({ queryKey: ['auth', 'signup-policy'], queryFn: ({ signal }) => getSignUpPolicy(signal) });
