// A model's size before training, as the worker tells the page (engine/experiment/model-spec computes it).

export interface ModelSize {
  /** Trainable parameters, counted as PyTorch's sum(p.numel() for p in model.parameters()). */
  parameters: number;
  /** The entries a pruning rate is a fraction of (kernels, plus biases and BatchNorm γ/β when pruneBiases). */
  prunable: number;
}

/** What sizes a model: the data's input shape [height, width, channels] and its classes. */
export interface DataShape {
  imageShape: [number, number, number];
  classNames: string[];
}
