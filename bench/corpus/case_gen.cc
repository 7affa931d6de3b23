#include "corpus/case_gen.h"

#include <algorithm>
#include <vector>

#include "corpus/rng.h"
#include "corpus/texts.h"

namespace aktkoll::bench {

void CaseStats::Merge(const CaseStats& other) {
  cases += other.cases;
  for (const auto& [k, v] : other.counts) counts[k] += v;
}

namespace {

using texts::GoalTemplate;
using texts::InterventionType;
using texts::Municipality;

// Rates in per mille: how often each shortcoming is put into a case.
constexpr int kPlanPointMissing = 200;
constexpr int kFollowUpOverdue = 250;  // ~15% end up overdue: some skips leave no gap
constexpr int kBadCheckDigit = 50;
constexpr int kUnknownCode = 50;
constexpr int kDatesOutOfOrder = 30;
constexpr int kPlanLate = 100;
constexpr int kGoalWithoutArea = 100;
constexpr int kConsentMissing = 60;
constexpr int kRatingMissing = 80;
constexpr int kBestInterestsMissing = 80;
constexpr int kNotExecuted = 30;
constexpr int kImpossibleDate = 10;
constexpr int kMisspelledKey = 10;
constexpr int kWrongPlanAuthor = 30;
constexpr int kExtensionWithoutApplication = 100;  // of extensions
constexpr int kCommissionFieldMissing = 30;       // each commission field, independently

constexpr int kFollowUpMaxDays = 183;

// kAsOf as a date.
Date AsOf() { return Date::FromYmd(2026, 11, 23); }  // six months, as UPF-1 reckons it (approximately)

std::string Fill(const char* tmpl, const std::string& name) {
  std::string s = tmpl;
  for (size_t pos; (pos = s.find("{n}")) != std::string::npos;) s.replace(pos, 3, name);
  return s;
}

std::string TwoDigits(int n) {
  return std::string(1, static_cast<char>('0' + n / 10 % 10)) +
         static_cast<char>('0' + n % 10);
}

// "m1", "m2", …; built by appending (GCC 12 warns falsely on "m" + std::string, PR 105651).
std::string GoalId(size_t i) {
  std::string id = "m";
  id += std::to_string(i + 1);
  return id;
}

struct Person {
  std::string id, role, relation, first, last, nr;
  bool samordning = false;
  bool custody = false;
  bool dash = false;  // write the number as YYYYMMDD-NNNC
  std::string street, postal, phone;
  std::string language;  // interpreter language, empty if none needed
  std::string Name() const { return first + " " + last; }
  std::string NrText() const { return dash ? nr.substr(0, 8) + "-" + nr.substr(8) : nr; }
};

class CaseBuilder {
 public:
  CaseBuilder(uint64_t seed, uint64_t index, const IdentityPool& ids, CaseStats* stats)
      : rng_(seed, index), index_(index), ids_(ids), stats_(stats) {}

  Value Build();

 private:
  void ChoosePeople();
  void ChooseDates();
  Value PersonValue(const Person& p, bool in_commission) const;
  Value Contact(const Person& p, bool full) const;
  Value InterpreterNeed(const Person& p) const;
  Value Goal(size_t i, bool drop_area) const;
  Value Participants(size_t max_guardians);
  Value Application(Date date);
  Value Commission();
  Value Plan();
  Value FollowUps();
  Value Meetings();
  void Count(const char* what) { stats_->Add(what); }
  std::string Staff() { return std::string(rng_.Pick(texts::kWomen)) + " " + rng_.Pick(texts::kSurnames); }

  Rng rng_;
  uint64_t index_;
  const IdentityPool& ids_;
  CaseStats* stats_;

  const Municipality* mu_ = nullptr;
  const InterventionType* type_ = nullptr;
  bool adult_ = false;
  int age_ = 0;
  Person individual_;
  std::vector<Person> guardians_;
  std::vector<const GoalTemplate*> child_goals_;
  std::vector<std::string> goal_texts_;
  bool interpreter_ = false;
  std::string secretary_, provider_staff_;

  Date application_, inv_start_, inv_done_, decision_, commission_, execution_, plan_;
  Date period_end_, end_, closure_;
  bool executed_ = true, closed_ = false;
  std::vector<std::pair<Date, Date>> extensions_;  // (decision date, new end date)
  std::vector<Date> follow_ups_;
};

void CaseBuilder::ChoosePeople() {
  adult_ = rng_.Chance(200);
  // Decision dates spread over 2023-01-09 .. 2026-07-31, so every executed case has had time
  // for at least one follow-up by the as-of date.
  decision_ = Date::FromYmd(2023, 1, 9).Plus(static_cast<int>(
      rng_.Below(static_cast<uint64_t>(Date::FromYmd(2026, 7, 31) - Date::FromYmd(2023, 1, 9)))));
  age_ = adult_ ? rng_.Range(19, 66) : rng_.Range(0, 17);

  // Intervention type: weighted among those for the individual's age.
  std::vector<const InterventionType*> fits;
  int total = 0;
  auto consider = [&](const InterventionType& t) {
    if (age_ >= t.min_age && age_ <= t.max_age) {
      fits.push_back(&t);
      total += t.weight;
    }
  };
  if (adult_) {
    for (const auto& t : texts::kAdultTypes) consider(t);
  } else {
    for (const auto& t : texts::kChildTypes) consider(t);
  }
  int pick = static_cast<int>(rng_.Below(static_cast<uint64_t>(total)));
  for (const auto* t : fits) {
    if ((pick -= t->weight) < 0) {
      type_ = t;
      break;
    }
  }

  int birth_year = decision_.Year() - age_;
  individual_.id = "individual";
  individual_.role = "individual";
  individual_.samordning = rng_.Chance(30);
  individual_.nr = ids_.Pick(rng_, birth_year, individual_.samordning);
  individual_.dash = rng_.Chance(500);
  bool male = IsMale(individual_.nr);
  individual_.first = adult_ ? (male ? rng_.Pick(texts::kMen) : rng_.Pick(texts::kWomen))
                             : (male ? rng_.Pick(texts::kBoys) : rng_.Pick(texts::kGirls));
  individual_.last = rng_.Pick(texts::kSurnames);
  individual_.street = std::string(rng_.Pick(texts::kStreets)) + " " + std::to_string(rng_.Range(1, 40));
  individual_.postal = std::string(mu_->postal) + " " + TwoDigits(rng_.Range(10, 99));
  individual_.phone = "070-174 06 " + TwoDigits(rng_.Range(5, 99));
  interpreter_ = rng_.Chance(120);
  std::string language = interpreter_ ? rng_.Pick(texts::kLanguages) : "";
  if (adult_) individual_.language = language;
  if (individual_.samordning) Count("samordningsnummer");
  if (interpreter_) Count("interpreter_needed");

  if (!adult_) {
    int shape = rng_.Range(0, 99);  // 70 two guardians, 15 one guardian + parent, 15 one
    int parents = shape < 85 ? 2 : 1;
    for (int i = 0; i < parents; ++i) {
      Person p;
      bool mother = i == 0 ? (shape < 85 || rng_.Chance(700)) : false;
      p.relation = mother ? "mor" : "far";
      p.custody = !(shape >= 70 && shape < 85 && i == 1);
      p.role = p.custody ? "guardian" : "parent";
      p.id = p.custody ? "vh" + std::to_string(i + 1) : "f1";
      // A parent of the right sex: draw until the number says so (the lists are large).
      for (int tries = 0; tries < 16; ++tries) {
        p.samordning = rng_.Chance(30);
        p.nr = ids_.Pick(rng_, birth_year - rng_.Range(22, 40), p.samordning);
        if (IsMale(p.nr) != mother) break;
      }
      p.dash = rng_.Chance(600);
      p.first = mother ? rng_.Pick(texts::kWomen) : rng_.Pick(texts::kMen);
      p.last = i == 0 || rng_.Chance(500) ? individual_.last : rng_.Pick(texts::kSurnames);
      if (i == 0 || rng_.Chance(500)) {
        p.street = individual_.street;
        p.postal = individual_.postal;
      } else {
        p.street = std::string(rng_.Pick(texts::kStreets)) + " " + std::to_string(rng_.Range(1, 40));
        p.postal = std::string(mu_->postal) + " " + TwoDigits(rng_.Range(10, 99));
      }
      p.phone = "070-174 06 " + TwoDigits(rng_.Range(5, 99));
      p.language = language;
      guardians_.push_back(p);
    }
  }

  if (rng_.Chance(kBadCheckDigit)) {
    Person& p = guardians_.empty() || rng_.Chance(500) ? individual_ : guardians_[0];
    p.nr = WithBadCheckDigit(p.nr);
    Count("bad_check_digit");
  }

  int goals = rng_.Chance(400) ? 1 : rng_.Chance(750) ? 2 : 3;  // 40% one, 45% two, 15% three
  for (int i = 0; i < goals; ++i) {
    if (adult_) {
      std::string t = Fill(rng_.Pick(texts::kAdultGoals), individual_.first);
      if (std::find(goal_texts_.begin(), goal_texts_.end(), t) == goal_texts_.end()) {
        goal_texts_.push_back(t);
      }
    } else {
      const GoalTemplate* g = &rng_.Pick(texts::kChildGoals);
      if (std::find(child_goals_.begin(), child_goals_.end(), g) == child_goals_.end()) {
        child_goals_.push_back(g);
        goal_texts_.push_back(Fill(g->text, individual_.first));
      }
    }
  }
  secretary_ = Staff();
  provider_staff_ = std::string(rng_.Pick(texts::kMen)) + " " + rng_.Pick(texts::kSurnames);
}

void CaseBuilder::ChooseDates() {
  Date as_of = AsOf();
  inv_start_ = decision_.Plus(-rng_.Range(40, 120));
  inv_done_ = decision_.Plus(-rng_.Range(2, 14));
  application_ = inv_start_.Plus(-rng_.Range(0, 10));
  commission_ = decision_.Plus(rng_.Range(0, 6));
  executed_ = !rng_.Chance(kNotExecuted);
  execution_ = decision_.Plus(rng_.Range(3, 25));
  plan_ = execution_.Plus(rng_.Range(4, 20));
  if (rng_.Chance(kPlanLate)) plan_ = execution_.Plus(rng_.Range(22, 70));
  end_ = decision_.PlusMonths(rng_.Chance(550) ? 6 : 12).Plus(-1);
  period_end_ = end_;
  if (end_ < as_of && rng_.Chance(450)) {
    Date ext = end_.Plus(-rng_.Range(5, 20));
    end_ = end_.Plus(1).PlusMonths(6).Plus(-1);
    extensions_.push_back({ext, end_});
  }
  closed_ = end_ < as_of;
  closure_ = end_;
  if (closed_ && rng_.Chance(150)) {
    closure_ = end_.Plus(-rng_.Range(10, 120));  // ended early, e.g. at the individual's request
  }
  if (!executed_) {
    closed_ = false;
    return;
  }

  // Follow-ups at most six months apart from the decision on (UPF-1), at most four, and at
  // least one before the stop date.
  Date stop = closed_ ? closure_ : as_of.Plus(-1);
  Date cursor = decision_;
  for (int i = 0; i < 4; ++i) {
    Date next = cursor.Plus(rng_.Range(150, 181));
    if (stop < next) break;
    follow_ups_.push_back(next);
    cursor = next;
  }
  if (follow_ups_.empty()) {
    Date d = decision_.Plus(rng_.Range(60, 178));
    if (stop < d) d = stop.Plus(-rng_.Range(0, 10));
    if (execution_ < d) follow_ups_.push_back(d);
  }
  // Overdue: one follow-up was never held, leaving a gap of more than six months (counted
  // later from the dates, since in a short case a skipped follow-up may leave no gap).
  // With a single follow-up, it is held late instead.
  if (!follow_ups_.empty() && rng_.Chance(kFollowUpOverdue)) {
    if (follow_ups_.size() > 1) {
      follow_ups_.erase(follow_ups_.begin() + static_cast<long>(rng_.Below(follow_ups_.size())));
    } else {
      Date late = decision_.Plus(rng_.Range(200, 260));
      if (late <= stop) follow_ups_[0] = late;  // else too short a case to be late
    }
  }
}

Value CaseBuilder::Contact(const Person& p, bool full) const {
  Value c = Value::Object();
  c.Set("address", p.street);
  c.Set("postal_code", p.postal);
  c.Set("city", mu_->city);
  if (full) c.Set("phone", p.phone);
  return c;
}

Value CaseBuilder::InterpreterNeed(const Person& p) const {
  Value v = Value::Object();
  v.Set("needed", !p.language.empty());
  if (!p.language.empty()) v.Set("language", p.language);
  return v;
}

Value CaseBuilder::PersonValue(const Person& p, bool in_commission) const {
  Value v = Value::Object();
  v.Set("id", p.id);
  v.Set("role", p.role);
  if (!in_commission && !p.relation.empty()) v.Set("relation", p.relation);
  v.Set("name", p.Name());
  v.Set("personnummer", p.NrText());
  if (p.samordning) v.Set("is_samordningsnummer", true);
  if (p.role != "individual") v.Set("has_custody", p.custody);
  if (in_commission) {
    // The commission repeats who the people are and how to reach them (UPP-3, UPP-4).
    Value& c = v.Set("contact", Value::Object());
    if (p.role == "individual") {
      c.Set("address", p.street);
    } else {
      c.Set("phone", p.phone);
    }
    return v;
  }
  v.Set("protected_personal_data", false);
  if (p.street == individual_.street) {
    v.Set("contact", Value::Object()).Set("phone", p.phone);  // lives with the child
  } else {
    v.Set("contact", Contact(p, true));
  }
  if (!p.language.empty()) v.Set("interpreter_need", InterpreterNeed(p));
  return v;
}

Value CaseBuilder::Goal(size_t i, bool drop_area) const {
  Value g = Value::Object();
  g.Set("id", GoalId(i));
  g.Set("text", goal_texts_[i]);
  if (!adult_ && !drop_area) {
    g.Set("bbic_area", child_goals_[i]->area);
    g.Set("bbic_subarea", child_goals_[i]->subarea);
  }
  return g;
}

Value CaseBuilder::Participants(size_t max_guardians) {
  Value ps = Value::Array();
  Value& me = ps.Push(Value::Object());
  me.Set("role", "individual");
  me.Set("ref", "individual");
  size_t n = 0;
  for (const Person& g : guardians_) {
    if (!g.custody || n++ >= max_guardians) continue;
    Value& p = ps.Push(Value::Object());
    p.Set("role", g.role);
    p.Set("ref", g.id);
  }
  Value& staff = ps.Push(Value::Object());
  staff.Set("role", type_->social_secretary ? "social_secretary" : "provider_staff");
  staff.Set("name", type_->social_secretary ? secretary_ : provider_staff_);
  return ps;
}

Value CaseBuilder::Application(Date date) {
  Value a = Value::Object();
  a.Set("date", date.Iso());
  if (adult_) {
    a.Set("applicant_role", "individual");
    a.Set("applicant_ref", "individual");
  } else if (age_ >= 15) {
    a.Set("applicant_role", "child");
    a.Set("applicant_ref", "individual");
    a.Set("child_acts_alone", true);
  } else {
    a.Set("applicant_role", "guardian");
    a.Set("applicant_ref", guardians_[0].id);
  }
  a.Set("clear", true);
  a.Set("motivation_explored", true);
  return a;
}

Value CaseBuilder::Commission() {
  auto keep = [&] { return !rng_.Chance(kCommissionFieldMissing); };
  int missing = 0;
  auto note = [&](const char* what) {
    ++missing;
    Count(what);
  };
  Value c = Value::Object();
  if (keep()) c.Set("date", commission_.Iso()); else note("commission_missing_date");
  c.Set("written_by", secretary_ + ", socialsekreterare");
  Value& persons = c.Set("persons", Value::Array());
  persons.Push(PersonValue(individual_, true));
  if (guardians_.empty() || keep()) {
    for (const Person& g : guardians_) persons.Push(PersonValue(g, true));
  } else {
    note("commission_missing_guardians");
  }
  if (keep()) c.Set("protected_personal_data", false); else note("commission_missing_protected_data");
  if (keep()) c.Set("interpreter_need", InterpreterNeed(guardians_.empty() ? individual_ : guardians_[0]));
  else note("commission_missing_interpreter_need");
  std::string needs = Fill(adult_ ? rng_.Pick(texts::kAdultNeeds) : rng_.Pick(texts::kNeeds), individual_.first);
  if (keep()) c.Set("needs_assessment", needs); else note("commission_missing_needs_assessment");
  Value& goals = c.Set("goals", Value::Array());
  size_t no_area = !adult_ && rng_.Chance(kGoalWithoutArea) ? rng_.Below(goal_texts_.size()) : goal_texts_.size();
  if (no_area < goal_texts_.size()) Count("goal_without_bbic_area");
  for (size_t i = 0; i < goal_texts_.size(); ++i) goals.Push(Goal(i, i == no_area));
  if (keep()) {
    c.Set("follow_up_forms", "Uppföljningsmöte var sjätte månad; målen skattas.");
  } else {
    note("commission_missing_follow_up_forms");
  }
  if (keep()) c.Set("closure_information", "Skriftlig avslutningsrapport.");
  else note("commission_missing_closure_information");
  if (keep()) {
    Value& op = c.Set("other_principals", Value::Object());
    Value& list = op.Set("interventions", Value::Array());
    if (rng_.Chance(450)) {
      Value& i = list.Push(Value::Object());
      i.Set("principal", adult_ ? "Beroendemottagningen, regionen" : "Elevhälsan");
      i.Set("description", adult_ ? "Läkemedelsbehandling och provtagning." : "Samtal med skolkurator varje vecka.");
    }
    op.Set("sip_needed", rng_.Chance(150));
  } else {
    note("commission_missing_other_principals");
  }
  if (keep()) c.Set("scope", Fill(type_->scope, individual_.first)); else note("commission_missing_scope");
  if (keep()) {
    Value& p = c.Set("participation", Value::Object());
    if (adult_) {
      p.Set("individual", individual_.first + " har själv formulerat målen.");
    } else {
      p.Set("child", "Enskilda samtal med " + individual_.first + ".");
      p.Set("parents", "Föräldrarna har godkänt målen.");
    }
  } else {
    note("commission_missing_participation");
  }
  if (missing > 0) Count("commission_incomplete");
  return c;
}

Value CaseBuilder::Plan() {
  Value p = Value::Object();
  p.Set("established_date", plan_.Iso());
  Date signed_date = plan_.Plus(rng_.Chance(800) ? 0 : rng_.Range(1, 5));
  p.Set("signed_date", signed_date.Iso());
  p.Set("copy_given_date", signed_date.Plus(rng_.Chance(700) ? 0 : rng_.Range(1, 7)).Iso());
  bool wrong_author = rng_.Chance(kWrongPlanAuthor);
  if (wrong_author) Count("plan_written_by_wrong_party");
  p.Set("written_by", type_->social_secretary != wrong_author ? "social_secretary" : "provider");
  p.Set("author_name", type_->social_secretary ? secretary_ : provider_staff_);
  p.Set("participants", Participants(1));
  if (execution_.Plus(21) < plan_) Count("plan_late");

  const std::string& n = individual_.first;
  std::string goals;
  for (const auto* g : child_goals_) goals += (goals.empty() ? "Målen är " : ", ") + std::string(g->plan);
  if (adult_) goals = goal_texts_[0];
  else goals += ".";
  Value& points = p.Set("points", Value::Object());
  points.Set("goals", goals);
  points.Set("implementation", Fill(type_->scope, n));
  points.Set("follow_up", "Var sjätte månad vid uppföljningsmötet.");
  points.Set("other_principals", rng_.Chance(500) ? "Inga." : "Avstämning med elevhälsan varje månad.");
  points.Set("relatives_contact", adult_ ? n + " träffar sin syster varje helg." : n + " träffar mormor varannan helg.");
  points.Set("board_contact", "Socialsekreteraren ringer varje månad.");
  points.Set("individual_view", n + " tycker att planen är bra.");

  if (rng_.Chance(kPlanPointMissing)) {
    static const char* const kPoints[] = {"goals", "implementation", "follow_up", "other_principals",
                                          "relatives_contact", "board_contact", "individual_view"};
    int drop = rng_.Chance(200) ? 2 : 1;
    std::vector<const char*> dropped;
    while (static_cast<int>(dropped.size()) < drop) {
      const char* key = rng_.Pick(kPoints);
      if (points.Erase(key)) dropped.push_back(key);
    }
    Count("plan_point_missing");
    if (rng_.Chance(200)) {
      Value& obstacles = p.Set("obstacles", Value::Array());
      Value& o = obstacles.Push(Value::Object());
      o.Set("point", dropped[0]);
      o.Set("reason", n + " ville inte delta i planeringsmötet; punkten tas upp vid nästa träff.");
      Count(drop == 1 ? "plan_point_missing_with_obstacle" : "plan_point_missing_one_with_obstacle");
    }
  }
  return p;
}

Value CaseBuilder::FollowUps() {
  Value list = Value::Array();
  bool missing_rating = rng_.Chance(kRatingMissing);
  size_t skip_fu = missing_rating ? rng_.Below(follow_ups_.size()) : follow_ups_.size();
  size_t skip_goal = rng_.Below(goal_texts_.size());
  if (missing_rating && !follow_ups_.empty()) Count("goal_rating_missing");
  int rank = rng_.Range(1, 3);
  for (size_t f = 0; f < follow_ups_.size(); ++f) {
    Value& fu = list.Push(Value::Object());
    fu.Set("date", follow_ups_[f].Iso());
    if (rng_.Chance(500)) {
      fu.Set("method", rng_.Pick(texts::kMethods));
    } else {
      fu.Set("participants", Participants(0));
    }
    fu.Set("individual_talked_with", true);
    fu.Set("individual_view", individual_.first + (rng_.Chance(600) ? " vill fortsätta." : " vill ha tätare träffar."));
    bool methods = rng_.Chance(600);
    fu.Set("standardised_methods_used", methods);
    if (methods) {
      Value& m = fu.Set("standardised_methods", Value::Array());
      m.Push(Value::Str(adult_ ? texts::kStandardised[1 + rng_.Below(2)] : texts::kStandardised[0]));
    }
    fu.Set("execution_assessment", "Enligt uppdraget.");
    fu.Set("situation_assessment", rng_.Pick(texts::kSituation));
    Value& ratings = fu.Set("goal_ratings", Value::Array());
    rank = std::clamp(rank + (rng_.Chance(600) ? -1 : rng_.Range(0, 1)), 1, 4);
    for (size_t g = 0; g < goal_texts_.size(); ++g) {
      if (f == skip_fu && g == skip_goal) continue;
      Value& r = ratings.Push(Value::Object());
      r.Set("goal_id", GoalId(g));
      int goal_rank = std::clamp(rank + static_cast<int>(g % 2), 1, 4);
      r.Set("rating", texts::kRatings[goal_rank - 1]);
      if (f + 1 == follow_ups_.size()) r.Set("result", texts::kResults[goal_rank - 1]);
    }
    fu.Set("shortcomings", Value::Array());
    fu.Set("measures", f + 1 == follow_ups_.size() && closed_ ? "Avslut." : "Fortsätter.");
    fu.Set("plan_followed_up", true);
  }
  return list;
}

Value CaseBuilder::Meetings() {
  Value list = Value::Array();
  Value& m = list.Push(Value::Object());
  m.Set("date", plan_.Iso());
  m.Set("kind", "planeringsmöte");
  m.Set("participants", Participants(2));
  if (interpreter_) {
    int how = rng_.Range(0, 99);
    if (how < 5) {
      m.Set("interpreter_used", false);
      Count("meeting_without_needed_interpreter");
    } else {
      m.Set("interpreter_used", true);
      Value& i = m.Set("interpreter", Value::Object());
      if (how < 20) {
        i.Set("kind", "relative");
        i.Set("relation", "moster");
        Count("relative_as_interpreter");
      } else {
        i.Set("kind", "professional");
        i.Set("language", guardians_.empty() ? individual_.language : guardians_[0].language);
        i.Set("mode", rng_.Chance(700) ? "på plats" : "telefon");
      }
    }
  } else {
    m.Set("interpreter_used", false);
  }
  return list;
}

Value CaseBuilder::Build() {
  mu_ = &rng_.Pick(texts::kMunicipalities);
  ChoosePeople();
  ChooseDates();
  stats_->cases++;
  Count(adult_ ? "adult" : "child");

  // Dates out of order (VERK-4 and the like): one pair of dates swapped around.
  if (rng_.Chance(kDatesOutOfOrder)) {
    switch (rng_.Range(0, 2)) {
      case 0: execution_ = decision_.Plus(-rng_.Range(3, 20)); break;
      case 1: plan_ = execution_.Plus(-rng_.Range(2, 10)); break;
      default: inv_done_ = decision_.Plus(rng_.Range(3, 15)); break;
    }
    Count("dates_out_of_order");
  }

  const std::string year = std::to_string(decision_.Year());
  const bool new_law = !(decision_ < Date::FromYmd(2025, 7, 1));
  Value c = Value::Object();
  c.Set("format_version", "1");
  std::string seq = std::to_string(index_ + 1);
  c.Set("case_id", std::string(mu_->prefix) + "-" + year + "-" + std::string(seq.size() < 6 ? 6 - seq.size() : 0, '0') + seq);
  c.Set("municipality", mu_->name);
  c.Set("municipality_code", mu_->code);
  c.Set("unit", adult_ ? mu_->unit_adults : mu_->unit_children);
  c.Set("case_worker", secretary_ + ", socialsekreterare");

  Value& ind = c.Set("individual", Value::Object());
  ind.Set("name", individual_.Name());
  ind.Set("personnummer", individual_.NrText());
  if (individual_.samordning) ind.Set("is_samordningsnummer", true);
  ind.Set("protected_personal_data", false);
  ind.Set("registered_in_municipality", true);
  ind.Set("interpreter_need", InterpreterNeed(individual_));
  ind.Set("contact", Contact(individual_, adult_));

  if (!guardians_.empty()) {
    Value& gs = c.Set("guardians", Value::Array());
    for (const Person& g : guardians_) gs.Push(PersonValue(g, false));
  }

  Value& in = c.Set("intervention", Value::Object());
  std::string code = type_->code;
  if (rng_.Chance(kUnknownCode)) {
    code = rng_.Pick(texts::kUnknownCodes);
    Count("unknown_intervention_code");
  }
  in.Set("type", code);
  in.Set("name", type_->name);
  in.Set("needs_assessed", true);
  in.Set("legal_basis", new_law ? "SoL 2025:400 11 kap. 1 §" : "SoL 2001:453 4 kap. 1 §");
  in.Set("target_group", adult_ ? "adults" : type_->families ? "families" : age_ >= 13 ? "youth" : "children");
  in.Set("provider", type_->social_secretary ? "Uppdragstagare via kontaktpersonsenheten" : mu_->provider);

  Value& inv = c.Set("investigation", Value::Object());
  inv.Set("start_date", inv_start_.Iso());
  inv.Set("completed_date", inv_done_.Iso());
  if (rng_.Chance(500)) {
    inv.Set("assessment", Fill(adult_ ? rng_.Pick(texts::kAdultNeeds) : rng_.Pick(texts::kNeeds), individual_.first));
  }

  c.Set("application", Application(application_));

  Value& consents = c.Set("consents", Value::Array());
  bool drop_consent = guardians_.size() == 2 && guardians_[1].custody && age_ < 15 && rng_.Chance(kConsentMissing);
  if (drop_consent) Count("guardian_consent_missing");
  for (size_t i = 0; i < guardians_.size(); ++i) {
    if (!guardians_[i].custody || (drop_consent && i == 1)) continue;
    Value& s = consents.Push(Value::Object());
    s.Set("given_by_role", "guardian");
    s.Set("given_by_ref", guardians_[i].id);
    s.Set("kind", "consent");
    s.Set("date", application_.Plus(rng_.Range(0, 5)).Iso());
  }
  if (adult_ || age_ >= 12) {
    Value& s = consents.Push(Value::Object());
    s.Set("given_by_role", adult_ ? "individual" : "child");
    s.Set("given_by_ref", "individual");
    s.Set("kind", age_ >= 15 || adult_ ? "request" : "consent");
    s.Set("date", application_.Iso());
    if (!adult_ && age_ >= 15) {
      s.Set("guardians_informed", true);
      s.Set("guardians_informed_date", application_.Plus(rng_.Range(1, 7)).Iso());
    }
  }

  Value& d = c.Set("decision", Value::Object());
  d.Set("date", decision_.Iso());
  d.Set("decision_maker", secretary_ + ", socialsekreterare (delegation)");
  d.Set("reference", "SN " + year + "/" + std::to_string(rng_.Range(1000, 9999)));
  d.Set("favourable", true);
  d.Set("start_date", decision_.Iso());
  d.Set("end_date", period_end_.Iso());
  if (!extensions_.empty()) {
    Value& exts = d.Set("extensions", Value::Array());
    for (const auto& [when, new_end] : extensions_) {
      Value& e = exts.Push(Value::Object());
      e.Set("date", when.Iso());
      e.Set("new_end_date", new_end.Iso());
      if (rng_.Chance(kExtensionWithoutApplication)) {
        Count("extension_without_application");
      } else {
        e.Set("application", Application(when.Plus(-rng_.Range(1, 7))));
      }
    }
  }

  Value& ex = c.Set("execution", Value::Object());
  if (executed_) {
    ex.Set("date", execution_.Iso());
  } else {
    Count("not_executed");
    ex.Set("not_executed_reason", "Ingen kontaktperson har kunnat rekryteras.");
    Value& w = ex.Set("waiting_measures", Value::Array());
    Value& m = w.Push(Value::Object());
    m.Set("date", decision_.Plus(rng_.Range(20, 60)).Iso());
    m.Set("kind", "contact");
    m.Set("description", "Telefonsamtal om väntetiden.");
  }

  c.Set("commission", Commission());
  if (executed_) {
    c.Set("implementation_plan", Plan());
    if (!follow_ups_.empty()) c.Set("follow_ups", FollowUps());
    if (interpreter_ || rng_.Chance(150)) c.Set("meetings", Meetings());
  }

  if (!adult_) {
    if (rng_.Chance(kBestInterestsMissing)) {
      Count("best_interests_missing");
    } else {
      Value& b = c.Set("best_interests", Value::Object());
      b.Set("assessment", individual_.first + "s behov av trygghet har vägt tyngst.");
      b.Set("child_views", individual_.first + " vill att det blir lugnare hemma.");
      b.Set("how_sought", "Enskilt samtal " + inv_start_.Plus(rng_.Range(7, 30)).Iso() + ".");
      b.Set("date", decision_.Iso());
    }
  }

  Value& journal = c.Set("journal", Value::Array());
  int entries = rng_.Chance(700) ? 1 : 2;
  for (int i = 0; i < entries; ++i) {
    Value& j = journal.Push(Value::Object());
    Date when = i == 0 ? decision_ : decision_.Plus(rng_.Range(10, 200));
    if (AsOf().Plus(-1) < when) when = AsOf().Plus(-1);
    j.Set("date", when.Iso());
    j.Set("author", secretary_);
    j.Set("text", Fill(texts::kJournal[i == 0 ? 0 : 1 + rng_.Below(std::size(texts::kJournal) - 1)], individual_.first));
  }

  if (executed_ && closed_) {
    Value& cl = c.Set("closure", Value::Object());
    cl.Set("date", closure_.Iso());
    bool early = closure_ < end_;
    const char* reason = early ? rng_.Pick(texts::kClosureReasons) : "decision_period_ended";
    cl.Set("reason", reason);
    static const char* const kReached[] = {"reached", "partly_reached", "not_reached"};
    cl.Set("goals_reached", rng_.Pick(kReached));
    cl.Set("individual_request", std::string(reason) == "individual_request");
    cl.Set("information_returned", "Avslutningsrapport.");
    Count("closed");
  }

  // Follow-up overdue as the dates came out: a gap of more than six months between the
  // decision, the follow-ups and the closure or as-of date.
  if (executed_) {
    Date last = decision_;
    Date end = closed_ ? closure_ : AsOf();
    bool overdue = false;
    for (Date f : follow_ups_) {
      overdue = overdue || f - last > kFollowUpMaxDays;
      last = f;
    }
    overdue = overdue || end - last > kFollowUpMaxDays;
    if (overdue) Count("followup_overdue");
    if (follow_ups_.empty()) Count("no_follow_up");
  }

  if (rng_.Chance(kImpossibleDate)) {
    static const char* const kBad[] = {"-02-30", "-02-31", "-04-31", "-06-31", "-09-31", "-11-31"};
    Value& j = c.Find("journal")->mutable_items().front();
    *j.Find("date") = Value::Str(year + rng_.Pick(kBad));
    Count("impossible_date");
  }
  if (rng_.Chance(kMisspelledKey)) {
    if (Value* plan = c.Find("implementation_plan")) {
      plan->Rename("copy_given_date", "copy_givn_date");
    } else {
      c.Find("commission")->Rename("written_by", "writen_by");
    }
    Count("misspelled_key");
  }
  return c;
}

}  // namespace

Value GenerateCase(uint64_t seed, uint64_t index, const IdentityPool& ids, CaseStats* stats) {
  return CaseBuilder(seed, index, ids, stats).Build();
}

}  // namespace aktkoll::bench
