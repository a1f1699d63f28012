/** A unit vector of `dimension` pointing mostly along `axis`, tilted towards `axis + 1` by `tilt`. */
export function unitVector(dimension: number, axis: number, tilt = 0): Float32Array {
  const vector = new Float32Array(dimension);
  vector[axis] = 1;
  vector[(axis + 1) % dimension] = tilt;
  const norm = Math.hypot(1, tilt);
  return vector.map((x) => x / norm);
}
