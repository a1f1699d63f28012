/** A unit vector pointing mostly along `axis`, tilted towards `axis + 1` by `tilt` (nearest-neighbour fixtures). */
export function unitVector(axis: number, tilt = 0, dimension = 384): Float32Array {
  const v = new Float32Array(dimension);
  v[axis] = 1;
  v[(axis + 1) % dimension] = tilt;
  const norm = Math.hypot(1, tilt);
  return v.map((x) => x / norm);
}
