// A small plant for the MIS's HTTP tests, imported through POST /api/v1/imports/{kind}:
// LINE with one work unit WU-1 under ENT/SITE/AREA; on day D two shifts (early 06-14 with
// a lunch break 10:00-10:30, late 14-22), WU-1 down 07:00-07:40, counts 1000/947 and
// 1100/1089; on D+1 an early shift, running, 1200/1188; ideal cycle time 21 s.
#pragma once

#include <functional>
#include <string>

namespace ordo::testing {

// Calls `import(kind, csv)` for each kind, in order; `day` and `next_day` are YYYY-MM-DD.
inline void ImportSmallPlant(
    const std::function<void(const std::string&, const std::string&)>& import,
    const std::string& day, const std::string& next_day) {
  const std::string d = day + "T", n = next_day + "T";
  import("equipment",
         "id,name,parent,level\nENT,Enterprise,,enterprise\nSITE,Site,ENT,site\n"
         "AREA,Area,SITE,area\nLINE,Line,AREA,work_center\nWU-1,Press,LINE,work_unit\n");
  import("calendar",
         "scope,start,end,kind,label\n"
         "LINE," +
             d + "06:00:00Z," + d +
             "14:00:00Z,shift,early\n"
             "LINE," +
             d + "14:00:00Z," + d +
             "22:00:00Z,shift,late\n"
             "LINE," +
             d + "10:00:00Z," + d +
             "10:30:00Z,break,lunch\n"
             "LINE," +
             n + "06:00:00Z," + n + "14:00:00Z,shift,early\n");
  import("states",
         "work_unit,start,end,state,reason\n"
         "WU-1," +
             d + "06:00:00Z," + d +
             "07:00:00Z,running,\n"
             "WU-1," +
             d + "07:00:00Z," + d +
             "07:40:00Z,down,JAM\n"
             "WU-1," +
             d + "07:40:00Z," + d +
             "22:00:00Z,running,\n"
             "WU-1," +
             n + "06:00:00Z," + n + "14:00:00Z,running,\n");
  import("counts",
         "work_unit,start,end,product,order,total,good,scrap,rework\n"
         "WU-1," +
             d + "06:00:00Z," + d +
             "14:00:00Z,P,O-1,1000,947,53,0\n"
             "WU-1," +
             d + "14:00:00Z," + d +
             "22:00:00Z,P,O-1,1100,1089,11,0\n"
             "WU-1," +
             n + "06:00:00Z," + n + "14:00:00Z,P,O-2,1200,1188,12,0\n");
  import("ideal_cycle_times", "work_unit,product,ideal_cycle_time_s\nWU-1,P,21\n");
}

}  // namespace ordo::testing
