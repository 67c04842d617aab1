/** The three operations the gateway benchmark drives, and who sends each. */
export type BenchCaller = 'anonymous' | 'enterprise' | 'admin';

export interface BenchOperation {
  name: 'catalog' | 'dashboard' | 'courseInstructors';
  description: string;
  caller: BenchCaller;
  query: string;
}

export const benchOperations: BenchOperation[] = [
  {
    name: 'catalog',
    description: 'catalog page, anonymous: courses(first: 20), learning only',
    caller: 'anonymous',
    query: `query Catalog {
  courses(first: 20) {
    edges { node { id slug title summary level isFree lessonCount price { amount currency } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    name: 'dashboard',
    description:
      'viewer dashboard, ENTERPRISE user: me (identity), tier + subscription (billing), enrolments with courses (learning), portfolio positions (trading)',
    caller: 'enterprise',
    query: `query Dashboard {
  me {
    id name email
    tier
    subscription { status currentPeriodEnd plan { name tier } }
    enrollments { id status progress course { id slug title } }
    portfolio { cash { amount currency } positions { symbol quantity averagePrice } }
  }
}`,
  },
  {
    name: 'courseInstructors',
    description:
      '100-item list, ADMIN user: courses(first: 100) (learning), each instructor resolved from identity (name) and billing (tier)',
    caller: 'admin',
    query: `query CourseInstructors {
  courses(first: 100) {
    edges { node { id title instructor { id name tier } } }
  }
}`,
  },
];
