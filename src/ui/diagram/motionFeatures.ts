/** The DOM animation features the tokens use, in their own chunk: LazyMotion loads it after the first screen. */
export { domAnimation as default } from 'motion/react';
