import type { KernelChoice } from '../headless/bench-protocol';
import { benchTraining } from './bench-training';

// `npm run bench`: prints numbers, asserts nothing. Re-run it to check any number quoted in the docs.
async function main(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const only = arg('only');
  const samples = Number(arg('samples') ?? 2048);
  // --kernels=own,stock times each CNN with our CPU kernels and then with tfjs's stock ones (own-kernels.ts).
  const kernels = (arg('kernels') ?? 'own').split(',') as KernelChoice[];
  // --rounds=N: our wasm training runs, each followed by one PyTorch process (bench-against-torch.ts says why).
  const rounds = Math.max(1, Math.floor(Number(arg('rounds') ?? 3)) || 1);
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`Pruning Fairness Playground bench — node ${process.version}, ${new Date().toISOString()}`);
  if (!only || only === 'training') {
    log('\n## Training (engine loop, Adam, batch 64, 28x28x1, 10 classes)');
    for (const line of await benchTraining('wasm', samples, kernels, rounds)) log(line);
    for (const line of await benchTraining('cpu', Math.min(samples, 512), kernels)) log(line);
  }
  if (!only || only === 'profile') {
    const { benchProfile, profileModels } = await import('./bench-profile');
    // --model=resnet20 profiles ResNet-20 ×1 (SGD) instead of the ~100k CNN (Adam).
    const model = arg('model') === 'resnet20' ? 'resnet20' : 'cnn100k';
    log(`\n## Where a training step goes (tf.profile, wasm, ${profileModels[model].label}, batch 64)`);
    for (const line of await benchProfile(kernels.includes('stock') ? kernels : ['stock', 'own'], model)) log(line);
  }
  if (!only || only === 'matmul') {
    const { benchMatMul } = await import('./bench-matmul');
    log('\n## tfjs-wasm matMul with fresh and transposed operands (why the filter gradient is not an im2col GEMM)');
    for (const line of await benchMatMul()) log(line);
  }
  if (!only || only === 'decode') {
    const { benchDecode } = await import('./bench-decode');
    log('\n## Decoding user images (UTKFace-sized JPEGs, Node)');
    for (const line of await benchDecode()) log(line);
  }
  if (!only || only === 'arch') {
    const { benchArchitectures } = await import('./bench-arch');
    log('\n## Paper architectures (engine loop, SGD momentum, batch 64, 32x32x3, 10 classes, BatchNorm)');
    for (const line of await benchArchitectures('wasm', Math.min(samples, 256))) log(line);
  }
  if (!only || only === 'hessian-resnet') {
    const { benchHessianResnet } = await import('./bench-hessian-resnet');
    log('\n## Hessian of a ResNet-8 (BatchNorm, evaluation mode) vs PyTorch');
    for (const line of await benchHessianResnet()) log(line);
  }
  if (!only || only === 'filter-grad') {
    const { benchFilterGrad } = await import('./bench-filter-grad');
    log('\n## The filter gradient: tfjs-wasm conv2d form against our SIMD kernel (one thread)');
    for (const line of await benchFilterGrad()) log(line);
  }
  if (!only || only === 'conv') {
    const { benchConv } = await import('./bench-conv');
    log('\n## Stride-1 convolutions: tfjs-wasm Conv2D (XNNPACK) against our SIMD kernel (one thread, a fresh filter each call)');
    for (const line of await benchConv()) log(line);
  }
  if (!only || only === 'dense') {
    const { benchDense } = await import('./bench-dense');
    log("\n## Dense layers' products: tfjs-wasm BatchMatMul (XNNPACK) against our convolution kernel (one thread, a fresh right operand each call)");
    for (const line of await benchDense()) log(line);
  }
  if (!only || only === 'hvp') {
    const { benchHvp } = await import('./bench-hvp');
    log("\n## One Hessian-vector product (wasm, one thread, start-here's CNN)");
    for (const line of await benchHvp()) log(line);
  }
  if (!only || only === 'hessian') {
    const { benchHessian } = await import('./bench-hessian');
    log('\n## Hessian (exact HVPs, power iteration)');
    for (const line of await benchHessian()) log(line);
  }
  if (!only || only === 'fashion') {
    const { benchFashion } = await import('./bench-fashion');
    log('\n## Fashion-MNIST data (Node: chunks read from public/data)');
    for (const line of await benchFashion()) log(line);
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
