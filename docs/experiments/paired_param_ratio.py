# Paired per-round ratios of two values of one parameter in an interleaved run (here maxPendingTasks 0 vs 1048576):
# python3 docs/experiments/paired_param_ratio.py RUN.json
import json,statistics as st,sys
rows=json.load(open(sys.argv[1]))
def f(x):
    try: return float(x)
    except: return float('nan')
by={}
for r in rows:
    k=(r['benchmark'].split('.')[-1], r['params']['impl'])
    by.setdefault(k,{})[r['params']['maxPendingTasks']]=r
for k in sorted(by):
    a=by[k]['0']; b=by[k]['1048576']
    print(k)
    for m in ['score','cpu.producers.ns.per.op','cpu.loop.ns.per.op']:
        ra=a['primaryMetric']['rawData'] if m=='score' else a['secondaryMetrics'][m]['rawData']
        rb=b['primaryMetric']['rawData'] if m=='score' else b['secondaryMetrics'][m]['rawData']
        fa=[st.median([f(v) for v in x]) for x in ra]; fb=[st.median([f(v) for v in x]) for x in rb]
        rat=[y/x for x,y in zip(fa,fb)]
        print(f"    {m}: unbounded {st.median(fa):.4g}, bounded {st.median(fb):.4g}; bounded/unbounded per round median {st.median(rat):.3f} (range {min(rat):.3f}-{max(rat):.3f}, {len(rat)} rounds)")
