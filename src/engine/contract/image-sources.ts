// The data sets a user brings (never shipped, never uploaded: decoded on the device). Each source names the files
// it reads and the attributes its images carry; a config picks the class label and the group from those
// attributes independently (Table 2: label ethnicity, group age; Fig. 1: ethnicity for both).

export const imageSourceIds = ['utkface', 'cifar10', 'svhn', 'folder'] as const;
export type ImageSourceId = (typeof imageSourceIds)[number];

export interface ImageSourceInfo {
  title: string;
  /** What to give the loader: in the CLI's --data-dir, or dropped on the page. */
  files: string;
  /** Attributes a config may choose as label or group. */
  attributes: readonly string[];
}

/**
 * UTKFace's age bins. The paper uses 9 age classes without listing them; these are the decade bins common in work on
 * UTKFace, with the first decade split at 3 (babies and toddlers are a large share of the data set).
 */
export const UTK_AGE_BINS = [
  { label: '0-2', max: 2 },
  { label: '3-9', max: 9 },
  { label: '10-19', max: 19 },
  { label: '20-29', max: 29 },
  { label: '30-39', max: 39 },
  { label: '40-49', max: 49 },
  { label: '50-59', max: 59 },
  { label: '60-69', max: 69 },
  { label: '70+', max: Infinity },
] as const;

export const UTK_ETHNICITIES = ['White', 'Black', 'Asian', 'Indian', 'Others'] as const;
export const UTK_GENDERS = ['Male', 'Female'] as const;

export const imageSources: Record<ImageSourceId, ImageSourceInfo> = {
  utkface: {
    title: 'UTKFace',
    files: 'UTKFace.tar.gz or crop_part1.tar.gz as distributed, a zip of them, or the unpacked folder of [age]_[gender]_[race]_[date&time].jpg files',
    attributes: ['ethnicity', 'gender', 'age', 'ethnicity-gender', 'age-gender'],
  },
  cifar10: { title: 'CIFAR-10', files: 'cifar-10-binary.tar.gz, or its data_batch_*.bin and test_batch.bin', attributes: ['class'] },
  svhn: { title: 'SVHN (cropped digits)', files: 'train_32x32.mat and/or test_32x32.mat (MATLAB v5)', attributes: ['class'] },
  folder: { title: 'Image folder', files: 'a folder of group/class/*.png|jpg, or images with a CSV manifest (path,label,group)', attributes: ['class', 'group'] },
};
