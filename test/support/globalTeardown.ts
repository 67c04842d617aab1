import { dropSeededTemplate } from './database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.TEST_SEEDED_TEMPLATE;
  if (template) await dropSeededTemplate(template);
}
