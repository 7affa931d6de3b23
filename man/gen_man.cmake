# Fills man/aktkoll.1.in: the RULES section from `aktkoll rules list --format json`.
#   cmake -DIN=… -DOUT=… -DRULES_JSON=… -DVERSION=… -DDATE=… -P gen_man.cmake
file(READ "${RULES_JSON}" json)
string(JSON n LENGTH "${json}" rules)
set(rules "")
if(n GREATER 0)
  math(EXPR last "${n} - 1")
  foreach(i RANGE ${last})
    string(JSON id GET "${json}" rules ${i} id)
    string(JSON severity GET "${json}" rules ${i} severity)
    string(JSON title GET "${json}" rules ${i} title sv)
    # roff: a leading '.' or "'" would start a request; backslashes must be doubled.
    string(REPLACE "\\" "\\\\" title "${title}")
    string(SUBSTRING "${title}" 0 1 first)
    if(first STREQUAL "." OR first STREQUAL "'")
      set(title "\\&${title}")
    endif()
    string(APPEND rules ".TP\n.BR ${id} \" (${severity})\"\n${title}\n")
  endforeach()
endif()
file(READ "${IN}" page)
string(REPLACE "@AKTKOLL_RULES@" "${rules}" page "${page}")
string(REPLACE "@AKTKOLL_VERSION@" "${VERSION}" page "${page}")
string(REPLACE "@AKTKOLL_DATE@" "${DATE}" page "${page}")
# groff reads its input as Latin-1 unless told otherwise; the page is kept ASCII with
# groff's named characters so `groff -man` renders åäö, § and dashes right everywhere.
foreach(pair "å;\\[oa]" "ä;\\[:a]" "ö;\\[:o]" "Å;\\[oA]" "Ä;\\[:A]" "Ö;\\[:O]" "é;\\['e]" "ü;\\[:u]"
             "§;\\[sc]" "–;\\[en]" "—;\\[em]" "’;\\[cq]" "‘;\\[oq]" "”;\\[rq]" "“;\\[lq]" "×;\\[mu]"
             "≤;\\[<=]" "≥;\\[>=]" "…;...")
  list(GET pair 0 from)
  list(GET pair 1 to)
  string(REPLACE "${from}" "${to}" page "${page}")
endforeach()
file(WRITE "${OUT}.new" "${page}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.new" "${OUT}")
file(REMOVE "${OUT}.new")
