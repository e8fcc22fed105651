import { x } from '#libs/demo'; export const y = x + 1; console.error(y);
