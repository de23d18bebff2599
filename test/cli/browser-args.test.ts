import { describe, expect, it } from 'vitest';
import { parseExperimentArgs, UsageError } from '../../src/cli/args';

// What a --browser run cannot do is refused before anything starts (test/e2e/cli-browser.test.ts runs one).
describe('--browser flags', () => {
  it.each([
    [['--browser', '--jobs', '2'], /--jobs cannot be used with --browser/],
    [['--browser', '--shard', '0/2'], /--shard cannot be used with --browser/],
    [['--browser', '--save-models'], /--save-models cannot be used with --browser/],
    [['--gpu'], /--gpu only applies to --browser runs/],
    [['--backend', 'webgpu'], /needs a browser: add --browser/],
  ])('%j is refused with a clear UsageError', async (flags, message) => {
    const parsed = parseExperimentArgs(['--preset', 'start-here', '--out', '/tmp/x', ...flags]);
    await expect(parsed).rejects.toBeInstanceOf(UsageError);
    await expect(parsed).rejects.toThrow(message);
  });

  it('user images cannot run in a browser run (they live on disk for the CLI)', async () => {
    await expect(parseExperimentArgs(['--preset', 'cifar10-classes', '--out', '/tmp/x', '--browser'])).rejects.toThrow(/user images/);
  });

  it('accepts --browser --gpu --backend webgpu', async () => {
    const args = await parseExperimentArgs(['--preset', 'start-here', '--out', '/tmp/x', '--browser', '--gpu', '--backend', 'webgpu']);
    expect(args).toMatchObject({ browser: true, gpu: true, config: { backend: 'webgpu' } });
  });
});
