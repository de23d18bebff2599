import * as tf from '@tensorflow/tfjs';
import { initBackend } from '/work/main/src/engine/backend';
await initBackend('wasm');
const groupsT = tf.tensor1d([0, 1, 0, 0], 'int32');
const oh = tf.cast(tf.oneHot(groupsT, 2), 'float32');
oh.print();
const ps = tf.tensor1d([1, 2, 3, 4]);
tf.reshape(tf.matMul(tf.reshape(ps, [1, -1]), oh), [2]).print();
