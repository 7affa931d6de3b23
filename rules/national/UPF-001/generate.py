#!/usr/bin/env python3
# Generates UPF-001/rule.yaml and UPF-001-SEN/rule.yaml. CEL has no `let`, and the
# personal-data scan of message values only accepts follow-up data read as `g.date` inside
# macros over `c.follow_ups`, so the expressions for the last/previous follow-up are
# written out in full wherever they are used. Head and tail text come from *-head.yaml /
# *-tail.yaml beside this script.
import os
UPF001_HEAD = '# yaml-language-server: $schema=../../../schemas/rules.schema.json\n#\n# GENERERAD av generate.py i den här katalogen (uttrycken är utskrivna i sin helhet\n# eftersom CEL saknar `let`); ändra generate.py och kör `python3 generate.py`.\n# Tidslinjen: s = beslutsdatum; end = den tidigaste av granskningsdagen, avslutsdatum och\n# beslutsperiodens slut (sista förlängningens nya slutdag); uppföljningarna räknas om de\n# gäller den enskilde och är daterade i (s, end]. [x].map(v, ...)[0] binder x till v.\nid: UPF-001\ntitle:\n  sv: Biståndsbedömd insats följs upp minst var sjätte månad (enligt kommunens intervall)\n  en: A needs-assessed intervention is followed up at least every six months (the municipality\'s interval)\nseverity: error\nrequirements: [UPF-1, UPF-2]\nlaw:\n  - ref: "SoL (2001:453) 3 kap. 3 §"\n    until: 2025-06-30\n  - ref: "SoL (2025:400) 5 kap. 2 §"\n    from: 2025-07-01\n  - ref: "Kalix kommun, Riktlinjer för öppenvårdsinsatser 2025 (seed 001) avsnitt 17"\n    from: 2025-07-01\nparams:\n  follow_up_months:\n    type: int\n    default: 6\n    description:\n      sv: Längsta tid i månader från beslutet till första uppföljningen och mellan två uppföljningar.\n      en: Longest time in months from the decision to the first follow-up and between follow-ups.\n  extensive_first_months:\n    type: int\n    default: 6\n    description:\n      sv: >-\n        Vid omfattande, föränderliga behov (intervention.extensive_changing_needs): längsta tid\n        i månader från beslutet till första uppföljningen (UPF-2; Kalix: 2).\n      en: >-\n        For extensive, changing needs (intervention.extensive_changing_needs): longest time in\n        months from the decision to the first follow-up (UPF-2; Kalix: 2).\n  extensive_interval_months:\n    type: int\n    default: 6\n    description:\n      sv: >-\n        Vid omfattande, föränderliga behov: längsta tid i månader mellan uppföljningarna efter\n        den första (UPF-2; Kalix: 12, "därefter årligen").\n      en: >-\n        For extensive, changing needs: longest time in months between follow-ups after the\n        first (UPF-2; Kalix: 12, "then yearly").\n# Biståndsbedömd (akten, annars katalogen), med giltigt beslutsdatum och inte avslagen.\nwhen: >-\n  has(c.intervention) && has(c.intervention.type)\n  && (has(c.intervention.needs_assessed)\n      ? c.intervention.needs_assessed == true\n      : in_vocabulary(c.intervention.type, \'intervention_types\')\n        && intervention(c.intervention.type).needs_assessed == true)\n  && has(c.decision) && has(c.decision.date) && is_date(c.decision.date)\n  && !(has(c.decision.favourable) && c.decision.favourable == false)\n'

UPF001_TAIL = 'pointer: /follow_ups\nmessage:\n  sv: "{text_sv}"\n  en: "{text_en}"\ndoc:\n  checks: >-\n    Att en biståndsbedömd insats med beslut (`decision.date`, inte avslag) följs upp minst var\n    `follow_up_months`:e månad så länge den pågår: första gången räknat från beslutsdatum, sedan\n    från varje uppföljning av den enskilde (`follow_ups[].date`, inte `level: activity`). Insatsen\n    pågår till den tidigaste av granskningsdagen (--as-of), avslutet (`closure.date`) och\n    beslutsperiodens slut (`decision.end_date` eller sista förlängningens `new_end_date`).\n    Anmärkningen gäller när nästa uppföljning efter den senaste (eller efter beslutet) inte\n    gjorts inom intervallet, före granskningsdagen eller innan insatsen upphörde; dagen den\n    senast skulle ha gjorts är förfallodag. Uppföljningar som gjordes men för sent prövas av\n    UPF-001-SEN. Vid omfattande, föränderliga behov\n    (`intervention.extensive_changing_needs: true`) gäller `extensive_first_months` till första\n    uppföljningen och `extensive_interval_months` därefter (UPF-2).\n  why: >-\n    "Alla biståndsbedömda insatser ska följas upp var sjätte månad och oftare vid behov. [...]\n    För personer med omfattande hjälpbehov, som bedöms som föränderliga, ska normalt en\n    uppföljning göras inom 2 månader efter beslutsdatum och därefter årligen." (Kalix riktlinjer\n    avsnitt 17; nämnden ska systematiskt och fortlöpande följa upp, 5 kap. 2 § SoL 2025:400,\n    tidigare 3 kap. 3 § SoL 2001:453.) Bedömningar: en uppföljning på förfallodagen är i tid;\n    uppföljningen är försenad från dagen efter. Månader räknas i kalendermånader med\n    månadsslut som tak (31 januari + 6 månader = 31 juli; 31 augusti + 6 månader = 28 eller\n    29 februari). Nationellt är intervallet sex månader även vid omfattande behov;\n    Kalixprofilen sätter 2 och 12 månader enligt riktlinjerna. Uppföljningar daterade efter\n    granskningsdagen eller före beslutet räknas inte (de prövas av VERK-004-UPF). Att\n    genomförandeplanen följs upp prövas av GP-reglerna.\n  example: |-\n    decision:\n      date: 2025-09-10\n    follow_ups:\n      - date: 2026-03-05    # senast 2026-03-10\n      - date: 2026-08-27    # senast 2026-09-05\n'

UPF001SEN_HEAD = '# yaml-language-server: $schema=../../../schemas/rules.schema.json\n#\n# GENERERAD av ../UPF-001/generate.py (uttrycken är utskrivna i sin helhet eftersom CEL\n# saknar `let`); ändra där och kör `python3 generate.py`.\n# Tidslinjen: s = beslutsdatum; end = den tidigaste av granskningsdagen, avslutsdatum och\n# beslutsperiodens slut (sista förlängningens nya slutdag); uppföljningarna räknas om de\n# gäller den enskilde och är daterade i (s, end]. [x].map(v, ...)[0] binder x till v.\nid: UPF-001-SEN\ntitle:\n  sv: Varje uppföljning görs inom kommunens intervall från beslutet eller föregående uppföljning\n  en: Each follow-up is made within the municipality\'s interval from the decision or the previous one\nseverity: error\nrequirements: [UPF-1, UPF-2]\nlaw:\n  - ref: "SoL (2001:453) 3 kap. 3 §"\n    until: 2025-06-30\n  - ref: "SoL (2025:400) 5 kap. 2 §"\n    from: 2025-07-01\n  - ref: "Kalix kommun, Riktlinjer för öppenvårdsinsatser 2025 (seed 001) avsnitt 17"\n    from: 2025-07-01\nparams:\n  follow_up_months:\n    type: int\n    default: 6\n    description:\n      sv: Längsta tid i månader från beslutet till första uppföljningen och mellan två uppföljningar.\n      en: Longest time in months from the decision to the first follow-up and between follow-ups.\n  extensive_first_months:\n    type: int\n    default: 6\n    description:\n      sv: >-\n        Vid omfattande, föränderliga behov (intervention.extensive_changing_needs): längsta tid\n        i månader från beslutet till första uppföljningen (UPF-2; Kalix: 2).\n      en: >-\n        For extensive, changing needs (intervention.extensive_changing_needs): longest time in\n        months from the decision to the first follow-up (UPF-2; Kalix: 2).\n  extensive_interval_months:\n    type: int\n    default: 6\n    description:\n      sv: >-\n        Vid omfattande, föränderliga behov: längsta tid i månader mellan uppföljningarna efter\n        den första (UPF-2; Kalix: 12, "därefter årligen").\n      en: >-\n        For extensive, changing needs: longest time in months between follow-ups after the\n        first (UPF-2; Kalix: 12, "then yearly").\n# Biståndsbedömd (akten, annars katalogen), med giltigt beslutsdatum och inte avslagen.\nwhen: >-\n  has(c.intervention) && has(c.intervention.type)\n  && (has(c.intervention.needs_assessed)\n      ? c.intervention.needs_assessed == true\n      : in_vocabulary(c.intervention.type, \'intervention_types\')\n        && intervention(c.intervention.type).needs_assessed == true)\n  && has(c.decision) && has(c.decision.date) && is_date(c.decision.date)\n  && !(has(c.decision.favourable) && c.decision.favourable == false)\n  && has(c.follow_ups)\n# Varje uppföljning: gjordes den inom intervallet från föregående punkt på tidslinjen?\nfor_each: "c.follow_ups"\nas: f\n'

UPF001SEN_TAIL = 'pointer: /follow_ups/{index}/date\nmessage:\n  sv: "{text_sv}"\n  en: "{text_en}"\ndoc:\n  checks: >-\n    För varje uppföljning av den enskilde (`follow_ups[]`, inte `level: activity`) i en\n    biståndsbedömd insats: att den gjordes senast `follow_up_months` månader efter den\n    föregående uppföljningen, eller efter beslutet om den är den första. Förfallodag är dagen\n    den senast skulle ha gjorts. Parametrarna är desamma som i UPF-001 och ska sättas lika\n    (omfattande, föränderliga behov: `extensive_first_months` till första uppföljningen,\n    `extensive_interval_months` därefter).\n  why: >-\n    En uppföljning som gjorts för sent är en brist även om insatsen senare följts upp i tid:\n    under mellantiden visste nämnden inte om insatsen svarade mot behoven (Kalix riktlinjer\n    avsnitt 17). Regeln pekar på den sena uppföljningens datum, så att varje försening syns\n    för sig; en uppföljning som saknas helt prövas av UPF-001. En uppföljning på förfallodagen\n    är i tid. Uppföljningar daterade efter granskningsdagen, före beslutet eller efter att\n    insatsen upphört räknas inte här (de prövas av VERK-004-UPF).\n  example: |-\n    decision:\n      date: 2025-09-10\n    follow_ups:\n      - date: 2026-03-10    # i tid: senast 2026-03-10\n      - date: 2026-09-14    # för sent: senast 2026-09-10\n'

HERE = os.path.dirname(os.path.abspath(__file__))
NATIONAL = os.path.dirname(HERE)
EXT = "(has(c.intervention.extensive_changing_needs) && c.intervention.extensive_changing_needs == true)"

def lets(body):
    """Binds ext, s (decision date) and end (the end of the period checked)."""
    return (
        f"[{EXT}].map(ext, [date(c.decision.date)].map(s,\n"
        " [(has(c.decision.end_date) && is_date(c.decision.end_date) ? [date(c.decision.end_date)] : [])\n"
        "  + (has(c.decision.extensions)\n"
        "     ? c.decision.extensions.filter(x, has(x.new_end_date) && is_date(x.new_end_date))\n"
        "         .map(x, date(x.new_end_date))\n"
        "     : [])].map(pe,\n"
        " [[as_of]\n"
        "  + (has(c.closure) && has(c.closure.date) && is_date(c.closure.date) ? [date(c.closure.date)] : [])\n"
        "  + pe.filter(x, pe.all(y, x >= y))].map(ends,\n"
        " [ends.filter(x, ends.all(y, x <= y))[0]].map(end,\n"
        f"  {body}\n"
        " )[0])[0])[0])[0])[0]")

def V(v, extra=""):
    """v is a dated individual follow-up within (s, end]."""
    return (f"(has({v}.date) && is_date({v}.date) && !(has({v}.level) && {v}.level == 'activity')"
            f" && date({v}.date) > s && date({v}.date) <= end{extra})")

def M(x):
    return (f"(ext && {x} == s ? params.extensive_first_months"
            f" : (ext ? params.extensive_interval_months : params.follow_up_months))")

# The last point of the timeline: the latest follow-up in (s, end], else s.
LAST = (f"(has(c.follow_ups) && c.follow_ups.exists(g, {V('g')})\n"
        f"    ? date(c.follow_ups.filter(g, {V('g')}\n"
        f"        && c.follow_ups.all(h, !{V('h')} || date(h.date) <= date(g.date))).map(g, g.date)[0])\n"
        f"    : s)")
# The point before follow-up f: the latest follow-up in (s, f), else s.
BEFORE_F = " && date({v}.date) < date(f.date)"
PREV = (f"(c.follow_ups.exists(g, {V('g', BEFORE_F.format(v='g'))})\n"
        f"    ? date(c.follow_ups.filter(g, {V('g', BEFORE_F.format(v='g'))}\n"
        f"        && c.follow_ups.all(h, !{V('h', BEFORE_F.format(v='h'))} || date(h.date) <= date(g.date)))"
        f".map(g, g.date)[0])\n"
        f"    : s)")

def due(x): return f"add_months({x}, {M(x)})"

def block(s, indent):
    pad = ' ' * indent
    return '\n'.join(pad + line for line in s.split('\n'))

def write(path, head, parts, tail):
    with open(path, 'w') as out:
        out.write(head)
        for key, expr in parts:
            if key == 'values':
                out.write("values:\n")
                for k, v in expr:
                    out.write(f"  {k}: |-\n" + block(v, 4) + "\n")
            else:
                out.write(f"{key}: |-\n" + block(expr, 2) + "\n")
        out.write(tail)

D = due(LAST)
write(os.path.join(NATIONAL, 'UPF-001', 'rule.yaml'), UPF001_HEAD, [
    ('assert', lets(f"!({D} < end)")),
    ('due', lets(D)),
    # For `aktkoll due`: the next follow-up while the intervention still runs (its period
    # reaches the as-of date); null once it has ended.
    ('deadline', lets(f"end == as_of ? {D} : null")),
    ('values', [
        ('text_sv', lets(
            f"'Uppföljning saknas sedan ' + ({LAST} == s ? 'beslutet ' : 'uppföljningen ') + string({LAST})\n"
            f"  + '; nästa uppföljning skulle ha gjorts senast ' + string({D})\n"
            f"  + ' (' + string({M(LAST)}) + ' månader senare) och '\n"
            f"  + (end == as_of ? 'är ' + string(days_between({D}, end))\n"
            f"       + (days_between({D}, end) == 1 ? ' dag' : ' dagar') + ' försenad.'\n"
            f"     : 'gjordes inte innan insatsen upphörde ' + string(end) + '.')")),
        ('text_en', lets(
            f"'No follow-up since ' + ({LAST} == s ? 'the decision of ' : 'the follow-up of ') + string({LAST})\n"
            f"  + '; the next follow-up was due by ' + string({D})\n"
            f"  + ' (' + string({M(LAST)}) + ' months later) and '\n"
            f"  + (end == as_of ? 'is ' + string(days_between({D}, end))\n"
            f"       + (days_between({D}, end) == 1 ? ' day' : ' days') + ' overdue.'\n"
            f"     : 'was not made before the intervention ended on ' + string(end) + '.')")),
    ]),
], UPF001_TAIL)

DF = due(PREV)
VF = V('f')
write(os.path.join(NATIONAL, 'UPF-001-SEN', 'rule.yaml'), UPF001SEN_HEAD, [
    ('assert', lets(f"!{VF} || date(f.date) <= {DF}")),
    ('due', lets(DF)),
    ('values', [
        ('text_sv', lets(
            f"'Uppföljningen ' + f.date + ' gjordes ' + string(days_between({DF}, date(f.date)))\n"
            f"  + (days_between({DF}, date(f.date)) == 1 ? ' dag' : ' dagar') + ' för sent: den skulle ha gjorts senast ' + string({DF}) + ', '\n"
            f"  + string({M(PREV)}) + ' månader efter ' + ({PREV} == s ? 'beslutet ' : 'uppföljningen ')\n"
            f"  + string({PREV}) + '.'")),
        ('text_en', lets(
            f"'The follow-up of ' + f.date + ' was made ' + string(days_between({DF}, date(f.date)))\n"
            f"  + (days_between({DF}, date(f.date)) == 1 ? ' day' : ' days') + ' late: it was due by ' + string({DF}) + ', '\n"
            f"  + string({M(PREV)}) + ' months after ' + ({PREV} == s ? 'the decision of ' : 'the follow-up of ')\n"
            f"  + string({PREV}) + '.'")),
    ]),
], UPF001SEN_TAIL)
