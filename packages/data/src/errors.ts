export { invalid } from '@atm/core';
