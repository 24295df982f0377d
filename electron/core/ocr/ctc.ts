/**
 * Greedy CTC decoding of the recogniser's output for one line: `steps` × `classes`
 * probabilities, class 0 the blank, classes 1…n the dictionary's characters, the last a space.
 * Returns the text and the mean probability of its characters.
 */
export function decodeCtc(probs: Float32Array, offset: number, steps: number, classes: number, dictionary: string[]): { text: string; score: number } {
  let text = '';
  let sum = 0;
  let count = 0;
  let previous = -1;
  for (let t = 0; t < steps; t += 1) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = probs[base];
    for (let c = 1; c < classes; c += 1) {
      if (probs[base + c] > bestP) {
        bestP = probs[base + c];
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += best - 1 < dictionary.length ? dictionary[best - 1] : ' ';
      sum += bestP;
      count += 1;
    }
    previous = best;
  }
  return { text, score: count ? sum / count : 0 };
}
