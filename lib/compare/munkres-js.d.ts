declare module 'munkres-js' {
  /** The optimal assignment of a cost matrix: `[row, column]` pairs. */
  export default function computeMunkres(costMatrix: number[][]): [number, number][];
}
