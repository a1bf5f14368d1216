/** Where settings are looked for in a folder, in this order; comments and trailing commas are allowed in each. */
export const CONFIG_FILES = ['.star-answers.json', '.star-answers.jsonc', 'package.json'] as const;
