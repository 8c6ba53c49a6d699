#!/usr/bin/env python3
"""Tasklist page opens against a running server, from a client in its own process (as a browser is).

  java -jar target/csc-journeys-0.1.0-SNAPSHOT.jar --spring.profiles.active=postgres,demo \
      --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/csc_bench --spring.datasource.username=csc \
      --spring.datasource.password=csc --camunda.bpm.process-engine-name=benchmark \
      --camunda.bpm.job-execution.enabled=false --server.port=8099 &
  benchmarks/tasklist-pages.py 8099 benchmark 100 30     # port, engine, measured opens, warm-up opens

A page open is what StatutoryScaleBenchmark#taskListLatency times: the filter's HAL list (first 15
by due date) and its count, with HTTP Basic as the demo user, on one kept-alive connection. Run it
several times against the same server to see the server warm up.
"""
import base64
import http.client
import json
import sys
import time

PAIRS = [('fiona', 'My team'), ('fiona', 'My tasks'), ('tina', 'My team'), ('tina', 'Awaiting my sign-off'),
         ('sam', 'My tasks')]
LIST_BODY = '{"sorting":[{"sortBy":"dueDate","sortOrder":"asc"}]}'


def main(port, engine, opens, warm_up):
    connection = http.client.HTTPConnection('127.0.0.1', int(port))
    base = f'/engine-rest/engine/{engine}'

    def request(method, path, user, body=None, accept='application/json'):
        headers = {'Accept': accept,
                   'Authorization': 'Basic ' + base64.b64encode(f'{user}:{user}'.encode()).decode()}
        if body is not None:
            headers['Content-Type'] = 'application/json'
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f'{user} {path}: HTTP {response.status} {data[:200]}')
        return data

    def page(user, filter_id):
        start = time.perf_counter()
        request('POST', f'{base}/filter/{filter_id}/list?firstResult=0&maxResults=15', user, LIST_BODY,
                'application/hal+json')
        middle = time.perf_counter()
        count = json.loads(request('GET', f'{base}/filter/{filter_id}/count', user))['count']
        end = time.perf_counter()
        return (middle - start) * 1000, (end - middle) * 1000, (end - start) * 1000, count

    def percentile(values, p):
        ordered = sorted(values)
        return ordered[max(0, int(round(p / 100 * len(ordered))) - 1)]

    filters = {f['name']: f['id'] for f in json.loads(request('GET', f'{base}/filter?resourceType=Task', 'tina'))}
    for _ in range(int(warm_up)):
        for user, name in PAIRS:
            page(user, filters[name])
    print('| user | filter | tasks | list p50 | count p50 | page p50 | page p95 | page max |')
    print('|---|---|---|---|---|---|---|---|')
    for user, name in PAIRS:
        for _ in range(10):
            page(user, filters[name])
        lists, counts, pages = [], [], []
        for _ in range(int(opens)):
            listed, counted, whole, tasks = page(user, filters[name])
            lists.append(listed)
            counts.append(counted)
            pages.append(whole)
        print(f'| {user} | {name} | {tasks} | {percentile(lists, 50):.1f} ms | {percentile(counts, 50):.1f} ms '
              f'| {percentile(pages, 50):.1f} ms | {percentile(pages, 95):.1f} ms | {max(pages):.1f} ms |')


if __name__ == '__main__':
    main(*sys.argv[1:5])
