/** The convolutions the kernel benches time: [x shape NHWC, output channels, what it is]; 3×3 filters, 'same' pads. */
export const BENCH_CONV_LAYERS: Array<[[number, number, number, number], number, string]> = [
  [[64, 28, 28, 1], 8, 'default CNN, layer 1'],
  [[64, 14, 14, 8], 16, 'default CNN, layer 2'],
  [[64, 28, 28, 1], 16, '~100k CNN, layer 1'],
  [[64, 14, 14, 16], 32, '~100k CNN, layer 2'],
  [[128, 16, 16, 1], 6, "start-here's CNN, layer 1 (an HVP batch)"],
  [[128, 8, 8, 6], 12, "start-here's CNN, layer 2 (an HVP batch)"],
  [[64, 32, 32, 3], 16, 'RGB 32×32, layer 1'],
  [[64, 32, 32, 16], 16, 'ResNet ×1, first stage'],
  [[64, 16, 16, 32], 32, 'ResNet ×1, second stage'],
  [[64, 8, 8, 64], 64, 'ResNet ×1, third stage'],
  [[64, 16, 16, 64], 64, 'VGG ×0.5, third block'],
  [[64, 4, 4, 128], 128, 'VGG ×0.5, last block'],
  [[64, 8, 8, 128], 128, 'VGG ×1, fourth block'],
  [[64, 4, 4, 256], 256, 'VGG ×1, fifth block'],
];
