#!/usr/bin/env python3
# Generates VERK-004, VERK-004-GP and VERK-004-UPF (rule.yaml in each folder): the date
# chain application <= decision <= execution <= plan <= follow-ups <= closure, none after
# the as-of date. The comparisons are spelled out per milestone (CEL has no `let`, and
# message values may not index the case with a computed key). Run `python3 generate.py`.
import os
NATIONAL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Milestones in chain order: key, expression for the date string, Swedish/English name.
M = {
    'application': ('c.application.date', 'ansökan', 'the application', 'has(c.application) && has(c.application.date)'),
    'decision': ('c.decision.date', 'beslutet', 'the decision', 'has(c.decision) && has(c.decision.date)'),
    'execution': ('c.execution.date', 'verkställigheten', 'the execution', 'has(c.execution) && has(c.execution.date)'),
    'plan': ('c.implementation_plan.established_date', 'genomförandeplanen', 'the implementation plan',
             'has(c.implementation_plan) && has(c.implementation_plan.established_date)'),
    'closure': ('c.closure.date', 'avslutet', 'the closure', 'has(c.closure) && has(c.closure.date)'),
}
def valid(k): return f"({M[k][3]} && is_date({M[k][0]}))"
def d(k): return f"date({M[k][0]})"

def ok(x, before, after):
    """x (a date expression) is on or after each milestone in `before`, on or before each in
    `after`, and not after as_of."""
    parts = [f"{x} <= as_of"]
    parts += [f"(!{valid(k)} || {d(k)} <= {x})" for k in before]
    parts += [f"(!{valid(k)} || {x} <= {d(k)})" for k in after]
    return " && ".join(parts)

def reason(x, before, after, lang):
    """The first problem, in words: after as_of, before the nearest earlier milestone that is
    later, or after the nearest later milestone that is earlier."""
    sv = lang == 'sv'
    expr = f"{x} > as_of ? '{'ligger efter granskningsdagen' if sv else 'is after the as-of date'} ' + string(as_of)"
    for k in reversed(before):  # nearest predecessor first
        name = M[k][1] if sv else M[k][2]
        word = 'ligger före' if sv else 'is before'
        expr += f"\n  : {valid(k)} && {d(k)} > {x} ? '{word} {name} (' + {M[k][0]} + ')'"
    for k in after:
        name = M[k][1] if sv else M[k][2]
        word = 'ligger efter' if sv else 'is after'
        expr += f"\n  : {valid(k)} && {x} > {d(k)} ? '{word} {name} (' + {M[k][0]} + ')'"
    return expr + "\n  : ''"

def block(s, n): return '\n'.join(' ' * n + l for l in s.split('\n'))

LAW = '''law:
  - ref: "SoL (2001:453) 11 kap. 5 §"
    until: 2025-06-30
  - ref: "SoL (2025:400) 14 kap. 3 §"
    from: 2025-07-01
'''

def write(folder, text):
    with open(os.path.join(NATIONAL, folder, 'rule.yaml'), 'w') as f:
        f.write(text)

# VERK-004: application, decision, execution, closure (one finding per milestone).
SINGLE = ['application', 'decision', 'execution', 'closure']
CHAIN = ['application', 'decision', 'execution', 'plan', 'closure']
def single(part):
    i = CHAIN.index(part)
    before = [k for k in CHAIN[:i] if k != 'plan']
    after = []  # later milestones report themselves
    return before, after
assert_expr = "\n: ".join(
    f"part == '{p}' ? !{valid(p)} || ({ok(d(p), *single(p))})" for p in SINGLE[:-1]
) + f"\n: !{valid('closure')} || ({ok(d('closure'), *single('closure'))})"
def single_values(lang):
    what = {'application': ('Ansökan', 'The application'), 'decision': ('Beslutet', 'The decision'),
            'execution': ('Verkställigheten', 'The execution'), 'closure': ('Avslutet', 'The closure')}
    idx = 0 if lang == 'sv' else 1
    expr = ""
    for p in SINGLE[:-1]:
        expr += (f"part == '{p}' ? '{what[p][idx]} (' + {M[p][0]} + ') ' + ({reason(d(p), *single(p), lang)})\n: ")
    p = 'closure'
    expr += f"'{what[p][idx]} (' + {M[p][0]} + ') ' + ({reason(d(p), *single(p), lang)})"
    return expr
write('VERK-004', f'''# yaml-language-server: $schema=../../../schemas/rules.schema.json
# GENERERAD av generate.py i den här katalogen; ändra där och kör `python3 generate.py`.
id: VERK-004
title:
  sv: Ansökan, beslut, verkställighet och avslut är daterade i rätt ordning och inte efter granskningsdagen
  en: Application, decision, execution and closure are dated in order and not after the as-of date
severity: error
requirements: [VERK-4]
{LAW}for_each: "['application', 'decision', 'execution', 'closure']"
as: part
# Varje datum (om det finns och är ett giltigt datum, annars DATA-2) jämförs med de
# tidigare i kedjan ansökan <= beslut <= verkställighet <= avslut och med granskningsdagen.
# Genomförandeplanen och uppföljningarna prövas av VERK-004-GP och VERK-004-UPF.
assert: |-
{block(assert_expr, 2)}
pointer: /{{key}}/date
values:
  text_sv: |-
{block(single_values('sv'), 4)}
  text_en: |-
{block(single_values('en'), 4)}
message:
  sv: "{{text_sv}}."
  en: "{{text_en}}."
doc:
  checks: >-
    Att datumen för ansökan (`application.date`), beslut (`decision.date`), verkställighet
    (`execution.date`) och avslut (`closure.date`) kommer i den ordningen och att inget av
    dem ligger efter granskningsdagen (--as-of). En anmärkning per datum som är fel, vid
    datumet, med det tidigare datum det ligger före. Datum som saknas eller inte är giltiga
    hoppas över (de prövas av DATA-reglerna).
  why: >-
    Dokumentationen ska visa handläggningen och genomförandet i den ordning de skett (14 kap.
    3 § SoL 2025:400, tidigare 11 kap. 5 § SoL 2001:453). Ett datum i fel ordning eller i
    framtiden är nästan alltid ett skrivfel, men så länge det står kvar räknas frister
    (verkställighet inom tre månader, uppföljning var sjätte månad, plan inom tre veckor)
    från fel dag. Samma dag är tillåten (t.ex. beslut och verkställighet samma dag).
    Bedömning: ett datum jämförs med alla tidigare i kedjan, men anmärkningen ges vid det
    senare datumet, eftersom det är det som avviker från handläggningens gång.
  example: |-
    application:
      date: 2024-12-02
    decision:
      date: 2025-01-20
    execution:
      date: 2025-01-27     # inte före beslutet
''')

# VERK-004-GP: the plan after application, decision and execution, before the closure.
P_BEFORE = ['application', 'decision', 'execution']; P_AFTER = ['closure']
write('VERK-004-GP', f'''# yaml-language-server: $schema=../../../schemas/rules.schema.json
# GENERERAD av ../VERK-004/generate.py; ändra där och kör `python3 generate.py`.
id: VERK-004-GP
title:
  sv: Genomförandeplanen är upprättad efter verkställigheten, före avslutet och inte efter granskningsdagen
  en: The implementation plan is established after the execution, before the closure and not after the as-of date
severity: error
requirements: [VERK-4]
{LAW}when: "{valid('plan')}"
assert: |-
{block(ok(d('plan'), P_BEFORE, P_AFTER), 2)}
pointer: /implementation_plan/established_date
values:
  date: c.implementation_plan.established_date
  reason_sv: |-
{block(reason(d('plan'), P_BEFORE, P_AFTER, 'sv'), 4)}
  reason_en: |-
{block(reason(d('plan'), P_BEFORE, P_AFTER, 'en'), 4)}
message:
  sv: "Genomförandeplanen ({{date}}) {{reason_sv}}."
  en: "The implementation plan ({{date}}) {{reason_en}}."
doc:
  checks: >-
    Att genomförandeplanens datum (`implementation_plan.established_date`) inte ligger före
    ansökan, beslutet eller verkställigheten, inte efter avslutet och inte efter
    granskningsdagen.
  why: >-
    Planen upprättas av utföraren utifrån uppdraget när insatsen verkställs (SoF 5 kap. 1 a §;
    Gotlands kvalitetskrav: inom tre veckor från verkställighetsdatum). En plan daterad före
    verkställigheten eller beslutet kan inte bygga på uppdraget, och tidsfristen för planen
    räknas då från fel dag. Samma bedömning som i VERK-004: anmärkningen ges vid planens datum.
  example: |-
    execution:
      date: 2025-09-22
    implementation_plan:
      established_date: 2025-10-06
''')

# VERK-004-UPF: each follow-up after decision, execution and plan, before the closure.
F_BEFORE = ['decision', 'execution', 'plan']; F_AFTER = ['closure']
FD = "date(f.date)"
write('VERK-004-UPF', f'''# yaml-language-server: $schema=../../../schemas/rules.schema.json
# GENERERAD av ../VERK-004/generate.py; ändra där och kör `python3 generate.py`.
id: VERK-004-UPF
title:
  sv: Uppföljningarna är daterade efter beslut, verkställighet och plan, före avslutet och inte efter granskningsdagen
  en: Follow-ups are dated after the decision, execution and plan, before the closure and not after the as-of date
severity: error
requirements: [VERK-4]
{LAW}when: "has(c.follow_ups)"
for_each: "c.follow_ups"
as: f
assert: |-
  !(has(f.date) && is_date(f.date))
  || ({ok(FD, F_BEFORE, F_AFTER)})
pointer: /follow_ups/{{index}}/date
values:
  date: f.date
  reason_sv: |-
{block(reason(FD, F_BEFORE, F_AFTER, 'sv'), 4)}
  reason_en: |-
{block(reason(FD, F_BEFORE, F_AFTER, 'en'), 4)}
message:
  sv: "Uppföljningen ({{date}}) {{reason_sv}}."
  en: "The follow-up ({{date}}) {{reason_en}}."
doc:
  checks: >-
    För varje uppföljning (`follow_ups[].date`, giltigt datum): att den inte ligger före
    beslutet, verkställigheten eller genomförandeplanen, inte efter avslutet och inte efter
    granskningsdagen. En anmärkning per uppföljning, vid dess datum.
  why: >-
    En uppföljning följer upp en beslutad och verkställd insats och den plan som gjorts för
    den; en uppföljning daterad efter granskningsdagen har inte hänt än och är troligen ett
    skrivfel (t.ex. 2026-12-01 i stället för 2025-12-01). Sådana uppföljningar räknas inte av
    UPF-001, så ett skrivfel gör också att uppföljningen ser försenad ut. För en insats som
    aldrig verkställts jämförs bara med beslutet.
  example: |-
    decision:
      date: 2025-01-20
    follow_ups:
      - date: 2025-07-14
      - date: 2025-12-01     # inte 2026-12-01
''')
