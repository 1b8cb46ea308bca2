// build under mpirun (OpenMPI, or any MPI): the articles are shared out in blocks of the
// input order, each process extracts its block into a partial graph, and the partial graphs,
// sent as graph.ngs bytes, are merged by a tree reduction to rank 0, which writes the files.
// Merging is associative and the blocks are merged in input order, so the output is byte for
// byte that of one process. Built without MPI (NEWSGRAPH_MPI off), or run without mpirun,
// build is the one-process build.
#pragma once

#include <iosfwd>

#include "src/cli/options.hpp"

namespace newsgraph {

// The number of processes mpirun started this one among; 1 when not started by an MPI
// launcher (MPI is then never initialised) or built without MPI. Initialises MPI otherwise.
int start_mpi_if_launched();

// build as one of the MPI processes; start_mpi_if_launched() returned more than 1. Finalises
// MPI. Rank 0 returns build's exit status, the others 0 (or 2 when the run failed).
int run_mpi_build(const BuildOptions& options, std::istream& in, std::ostream& out,
                  std::ostream& err);

}  // namespace newsgraph
