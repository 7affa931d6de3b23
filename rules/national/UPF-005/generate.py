#!/usr/bin/env python3
# Generates rule.yaml beside it (the goal lists are written out in full in assert and
# values, since CEL has no `let`). Edit here and run `python3 generate.py`.
import os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
HEAD = '# yaml-language-server: $schema=../../../schemas/rules.schema.json\nid: UPF-005\ntitle:\n  sv: Uppföljningen för över uppdragets mål ordagrant och anger mål för kommande period\n  en: The follow-up carries the commission\'s goals over verbatim and states goals for the coming period\nseverity: error\nrequirements: [UPF-5]\nlaw:\n  - ref: "SOSFS 2014:5 5 kap. (uppföljning av beslutade insatser)"\n    from: 2015-01-01\nwhen: >-\n  has(c.follow_ups) && has(c.commission) && has(c.commission.goals)\n  && c.commission.goals.exists(g, has(g.id))\nfor_each: "c.follow_ups"\nas: f\n# Tre brister per uppföljning: ett mål med samma id som i uppdraget men annan text\n# (omformulerat), ett skattat mål som inte finns i uppdraget, och inga mål för kommande\n# period (utom i en uppföljning på eller efter avslutet eller beslutsperiodens slut).\n'
TAIL = 'message:\n  sv: "Uppföljningen {date}: {text_sv}."\n  en: "The follow-up of {date}: {text_en}."\ndoc:\n  checks: >-\n    För varje uppföljning av den enskilde (`follow_ups[]`, inte `level: activity`) i ett\n    ärende med mål i uppdraget (`commission.goals`): att varje skattat mål\n    (`goal_ratings[]`) är ett av uppdragets mål (`goal_id`) och, när målets text står i\n    uppföljningen (`goal_text`), har exakt samma text som i uppdraget; och att mål för\n    kommande period anges (`next_period_goals`), utom i en uppföljning på eller efter\n    avslutsdagen. En anmärkning per uppföljning, som räknar upp bristerna.\n  why: >-\n    "Mål – samma mål som finns i uppdraget; de ska inte formuleras på nytt utan enbart föras\n    över till uppföljningen" och "Mål för kommande period – här anges vad som återstår att\n    göra" (Att utforma uppdrag, seed 004; rutinen är odaterad och anges därför inte under\n    lagrum). Bedömning: texterna jämförs exakt, eftersom målet ska föras över och inte\n    formuleras om; en skattning utan måltext följer målet via sitt id och godtas. Mål för\n    kommande period krävs inte när insatsen avslutas vid uppföljningen eller beslutsperioden\n    har löpt ut.\n  example: |-\n    follow_ups:\n      - date: 2026-03-30\n        goal_ratings:\n          - goal_id: m1\n            goal_text: Alva har fasta rutiner för mat och läggning varje vardag.   # som i uppdraget\n            rating: positiv_forandring_mal_ej_uppfyllt\n        next_period_goals:\n          - goal_id: m1\n            text: Rutinerna håller även under helgerna.\n'
RW = ("(has(f.goal_ratings) ? f.goal_ratings.filter(r, has(r.goal_id) && has(r.goal_text)"
      " && c.commission.goals.exists(g, has(g.id) && g.id == r.goal_id && has(g.text) && g.text != r.goal_text))"
      ".map(r, r.goal_id) : [])")
NEW = ("(has(f.goal_ratings) ? f.goal_ratings.filter(r, has(r.goal_id)"
       " && !c.commission.goals.exists(g, has(g.id) && g.id == r.goal_id)).map(r, r.goal_id) : [])")
# Goals for the coming period are not needed in a follow-up on or after the closure or the
# end of the decision period (the latest of decision.end_date and the extensions' end dates).
NEXT = ("(!(has(f.next_period_goals) && size(f.next_period_goals) > 0)"
        " && !(has(f.date) && is_date(f.date)"
        " && ((has(c.closure) && has(c.closure.date) && is_date(c.closure.date)"
        " && date(c.closure.date) <= date(f.date))"
        " || (has(c.decision) && has(c.decision.end_date) && is_date(c.decision.end_date)"
        " && date(c.decision.end_date) <= date(f.date)"
        " && (!has(c.decision.extensions) || c.decision.extensions.all(x,"
        " !(has(x.new_end_date) && is_date(x.new_end_date)) || date(x.new_end_date) <= date(f.date)))))))")
def join(lst, conj):
    return (f"[{lst}].map(l, size(l) == 1 ? l[0] : size(l) == 2 ? l[0] + ' {conj} ' + l[1]"
            f" : l[0] + ', ' + l[1] + ' {conj} ' + string(size(l) - 2) + ' till')[0]")
def text(lang):
    if lang == 'sv':
        a = f"(size({RW}) == 1 ? 'målet ' : 'målen ') + {join(RW, 'och')} + ' har formulerats om i stället för att föras över ordagrant från uppdraget'"
        b = f"(size({NEW}) == 1 ? 'målet ' : 'målen ') + {join(NEW, 'och')} + ' finns inte i uppdraget'"
        c = "'mål för kommande period saknas'"
    else:
        a = f"(size({RW}) == 1 ? 'goal ' : 'goals ') + {join(RW, 'and').replace(' till', ' more')} + (size({RW}) == 1 ? ' has' : ' have') + ' been reworded instead of carried over verbatim from the commission'"
        b = f"(size({NEW}) == 1 ? 'goal ' : 'goals ') + {join(NEW, 'and').replace(' till', ' more')} + (size({NEW}) == 1 ? ' is' : ' are') + ' not in the commission'"
        c = "'goals for the coming period are missing'"
    return (f"[[size({RW}) > 0 ? {a} : '',\n  size({NEW}) > 0 ? {b} : '',\n  {NEXT} ? {c} : ''"
            f"].filter(x, x != '')].map(p, size(p) == 1 ? p[0] : size(p) == 2 ? p[0] + '; ' + p[1]"
            f" : p[0] + '; ' + p[1] + '; ' + p[2])[0]")
def block(s, n): return '\n'.join(' ' * n + l for l in s.split('\n'))
head = HEAD
tail = TAIL
out = head
out += "assert: |-\n" + block(f"(has(f.level) && f.level == 'activity')\n|| (size({RW}) == 0 && size({NEW}) == 0 && !{NEXT})", 2) + "\n"
out += "pointer: /follow_ups/{index}\nvalues:\n"
out += "  date: \"has(f.date) && f.date != '' ? f.date : '(odaterad)'\"\n"
out += "  text_sv: |-\n" + block(text('sv'), 4) + "\n"
out += "  text_en: |-\n" + block(text('en'), 4) + "\n"
out += tail
open('rule.yaml', 'w').write(out)
