// Test data: one good CSV file per kind (two or more rows each), for the store and
// RunImport tests.
#pragma once

#include <map>
#include <string>

namespace ordo::mis::imports::testing {

inline const std::map<std::string, std::string>& SampleFiles() {
  static const std::map<std::string, std::string> files = {
      {"equipment", "id,name,parent,level\nACME,Acme,,enterprise\nS1,Site 1,ACME,site\n"},
      {"calendar",
       "scope,start,end,kind,label\n"
       "L1,2026-03-02T06:00:00+01:00,2026-03-02T14:00:00+01:00,shift,Early\n"
       "L1,2026-03-02T10:00:00+01:00,2026-03-02T10:30:00+01:00,break,\n"},
      {"states",
       "work_unit,start,end,state,reason\n"
       "WU1,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,running,\n"
       "WU1,2026-03-02T07:00:00Z,2026-03-02T07:30:00Z,down,JAM\n"
       "WU1,2026-03-02T07:30:00Z,2026-03-02T08:00:00Z,idle,starved\n"},
      {"counts",
       "work_unit,start,end,product,order,total,good,scrap,rework\n"
       "WU1,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,P1,O1,100,95,3,2\n"
       "WU1,2026-03-02T07:00:00Z,2026-03-02T08:00:00Z,,,50,50,,\n"},
      {"ideal_cycle_times", "work_unit,product,ideal_cycle_time_s\nWU1,P1,1.2\nWU2,P1,0.8\n"},
      {"orders",
       "order_id,customer,product,quantity,unit,due_date\n"
       "SO-1,Acme,P1,500,pcs,2026-03-31\nSO-2,,P2,12.5,kg,2026-04-01\n"},
      {"shipments",
       "order_id,shipped_at,quantity\nSO-1,2026-03-30T15:00:00+02:00,300\n"
       "SO-1,2026-03-31T09:00:00+02:00,200\n"},
      {"maintenance",
       "work_unit,work_order,kind,failure_start,repair_start,repair_end,reason\n"
       "WU1,WO-1,corrective,2026-03-02T08:00:00Z,2026-03-02T08:20:00Z,2026-03-02T09:00:00Z,belt\n"
       "WU1,WO-2,preventive,,2026-03-03T08:00:00Z,2026-03-03T09:00:00Z,\n"},
      {"quality_costs",
       "date,scope,category,amount,currency,reference\n"
       "2026-03-02,S1,internal_failure,1200.50,EUR,NC-1\n2026-03-02,S1,appraisal,80,EUR,\n"},
      {"sales",
       "period_start,period_end,scope,amount,currency\n2026-03-01,2026-03-31,S1,250000,EUR\n"
       "2026-04-01,2026-04-30,S1,240000,EUR\n"},
      {"operation_yields",
       "order,operation,work_unit,completed_at,units_in,good_first_pass,reworked,scrapped\n"
       "O1,10,WU1,2026-03-02T10:00:00Z,100,90,8,2\nO1,20,,2026-03-02T12:00:00Z,98,98,,\n"},
      {"cost_rates", "scope,rate_per_hour,currency\n,90,EUR\nL1,120.50,EUR\n"},
      {"planned_cycle_times", "work_unit,product,planned_cycle_time_s\nWU1,P1,1.5\nWU2,P1,0.9\n"},
  };
  return files;
}

}  // namespace ordo::mis::imports::testing
