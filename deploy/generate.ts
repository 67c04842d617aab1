import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { repoRoot } from '../platform/topology';
import { composeFile } from './compose';
import { k8sFiles } from './k8s';
import { overlayFiles } from './k8sOverlays';
import { assertEveryRequiredVariableProvided } from './provision';
import { readmeWithProductionSection } from './readme';

/**
 * Writes what the variable list (deploy/variables.ts) generates: docker-compose.yml, the README's
 * production section and deploy/k8s/. `--check` writes nothing and fails when a file differs.
 */
export async function generatedDeployFiles(): Promise<Record<string, string>> {
  assertEveryRequiredVariableProvided();
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const files: Record<string, string> = {
    'docker-compose.yml': composeFile(),
    'README.md': readmeWithProductionSection(readme),
    ...k8sFiles(),
    ...overlayFiles(),
  };
  // Formatted as `npm run lint` (prettier --check .) wants them, so generation and lint agree.
  const formatted = await Promise.all(
    Object.entries(files).map(async ([file, text]) => {
      const absolute = path.join(repoRoot, file);
      if (!/\.(ya?ml|md)$/.test(file)) return [file, text] as const;
      const options = (await prettier.resolveConfig(absolute)) ?? {};
      return [file, await prettier.format(text, { ...options, filepath: absolute })] as const;
    }),
  );
  return Object.fromEntries(formatted);
}

/** Files whose content differs from what generation gives. */
export async function staleDeployFiles(): Promise<string[]> {
  const files = await generatedDeployFiles();
  return Object.entries(files)
    .filter(([file, text]) => {
      const absolute = path.join(repoRoot, file);
      return !existsSync(absolute) || readFileSync(absolute, 'utf8') !== text;
    })
    .map(([file]) => file);
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleDeployFiles();
    if (stale.length) {
      console.error(`Stale (run npm run generate:deploy): ${stale.join(', ')}`);
      process.exit(1);
    }
    return;
  }
  for (const [file, text] of Object.entries(await generatedDeployFiles())) {
    const absolute = path.join(repoRoot, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
