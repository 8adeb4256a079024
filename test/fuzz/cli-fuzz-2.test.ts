// Every command with random and hostile values, part 2 of 2 (the cases are in fuzz.ts).
import { fuzzEveryCommand } from './fuzz.js';

fuzzEveryCommand(1, 2);
