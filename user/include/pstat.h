/* struct pstat and NPROC for getpinfo() (the OSTEP lottery lab's names). */
#ifndef USER_PSTAT_H
#define USER_PSTAT_H

#include "abi/pstat.h"

#endif
