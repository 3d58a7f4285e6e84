/**
 * The `yaml` package, loaded on first use: only seed files and seed exports need it, and importing it
 * up front cost every start ~170 ms and ~9 MB of resident memory (bench/README.md).
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let loaded: Yaml | undefined;
const yaml = (): Yaml => (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);

export const parseYaml: Yaml['parse'] = ((...args: Parameters<Yaml['parse']>) => yaml().parse(...args)) as Yaml['parse'];
export const toYaml: Yaml['stringify'] = ((...args: Parameters<Yaml['stringify']>) => yaml().stringify(...args)) as Yaml['stringify'];
