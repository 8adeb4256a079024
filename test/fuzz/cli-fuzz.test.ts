// Every command with random and hostile values, part 1 of 2 (the cases are in fuzz.ts).
import { fuzzEveryCommand } from './fuzz.js';

fuzzEveryCommand(0, 2);
