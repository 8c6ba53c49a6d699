#!/usr/bin/env python3
"""CPU samples of a Java Flight Recording of the step benchmark, by the step that was being timed.

  jfr print --json --events jdk.ExecutionSample --stack-depth 2048 steps.jfr > samples.json
  benchmarks/jfr-steps.py samples.json 06:06:50 06:07:10     # UTC window of the measured rounds

Prints, per kind of step (StatutorySteps.workThrough's lambdas in their order: decide on the contact,
sign off the contact decision, allocate, carry out the assessment, sign off the assessment; and the
vanilla completion), the number of samples and where they fell: the first application frame below the
engine (e.g. DeadlineService.met), else the benchmark's claim or task look-up, else an engine marker.
"""
import collections
import json
import sys

STEPS = {'lambda$workThrough$0': 'decide on the contact', 'lambda$workThrough$1': 'sign off the contact decision',
         'lambda$workThrough$2': 'allocate', 'lambda$workThrough$3': 'carry out the assessment',
         'lambda$workThrough$4': 'sign off the assessment', 'lambda$timeVanilla': 'vanilla'}
ENGINE_MARKERS = ['DbEntityManager.flush', 'HistoryEventProcessor.processHistoryEvents', 'AuthorizationManager',
                  'DbEntityManager.select', 'AbstractPlatformTransactionManager.commit']
PLUMBING = ('benchmark', 'ApplicationWork', 'CaseRuleExceptions', 'CustomPlans')


def frame(f):
    method = f['method']
    return method['type']['name'].replace('/', '.') + '.' + method['name']


def step_of(frames):
    for name in frames:
        for key, step in STEPS.items():
            if key in name:
                return step
    return None


def where(frames):
    for name in frames:
        if name.startswith('org.opencsc') and not any(p in name for p in PLUMBING):
            return name.replace('org.opencsc.', '').split('$$')[0]
    for name in frames:
        if 'ClaimTaskCmd.execute' in name:
            return 'benchmark: claim'
        if 'AsDemoUser.task' in name:
            return 'benchmark: find the task'
    found = [m for m in ENGINE_MARKERS for name in frames if m in name]
    return 'engine: ' + (found[0] if found else 'other')


def main(path, start, end):
    events = json.load(open(path))['recording']['events']
    totals = collections.Counter()
    places = collections.defaultdict(collections.Counter)
    for event in events:
        if not start <= event['values']['startTime'][11:19] <= end:
            continue
        frames = [frame(f) for f in event['values']['stackTrace']['frames']][::-1]  # outermost first
        step = step_of(frames)
        if step:
            totals[step] += 1
            places[step][where(frames)] += 1
    for step in STEPS.values():
        print(totals[step], step)
        for place, count in places[step].most_common(12):
            print('   %4d %s' % (count, place))


if __name__ == '__main__':
    main(*sys.argv[1:4])
