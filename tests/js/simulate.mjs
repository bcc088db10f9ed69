// Runs the browser timer's state machine under Node for the Python tests: reads
// {plan, steps} as JSON on stdin, where each step is ["start"], ["pause"], ["resume"],
// ["skip"], ["done"], ["reset"] or ["advance", seconds], and prints the events the browser
// would send to Python (the practice-log entries too), in order, as one JSON array. The
// clock is a number moved by hand.
import { readFileSync } from "node:fs";
import { PracticeTally, TimerCore } from "../../lib/thoracic/timer/static/timer_core.js";

const { plan, steps } = JSON.parse(readFileSync(0, "utf8"));
let now = 1000;
const timer = new TimerCore(plan, () => now);
const tally = new PracticeTally(plan);
const events = [];
const actions = {
  start: () => timer.start(),
  pause: () => timer.pause(),
  resume: () => timer.resume(),
  skip: () => timer.skip(),
  done: () => timer.doneWithSet(),
  reset: () => timer.reset(),
  advance: (seconds) => (now += seconds),
};
for (const [action, ...args] of steps) {
  if (!(action in actions)) throw new Error(`unknown step ${action}`);
  actions[action](...args);
  for (const event of timer.takeEvents()) { // as the view does every animation frame
    events.push(event, ...tally.take(event)); // each event, then the log entries it completes
  }
}
process.stdout.write(JSON.stringify(events));
