/**
 * Props that have the browser record when an element's text was first painted (the Element
 * Timing API: `performance` entries of type "element" named `name`). The speed bench reads them,
 * so that it times the first frame a clerk sees, not when a script next got to look.
 */
export const paintTimed = (name: string) => ({ elementtiming: name }) as Record<string, string>;
