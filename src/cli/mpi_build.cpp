#include "src/cli/mpi_build.hpp"

#include <ostream>

#ifdef NEWSGRAPH_MPI
#include <mpi.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>

#include "export/output_lock.hpp"
#include "graph/snapshot.hpp"
#include "src/cli/corpus.hpp"
#include "src/cli/graph_folder.hpp"
#endif

namespace newsgraph {

#ifndef NEWSGRAPH_MPI

int start_mpi_if_launched() {
    return 1;
}

int run_mpi_build(const BuildOptions&, std::istream&, std::ostream&, std::ostream& err) {
    err << "newsgraph: built without MPI\n";
    return 2;
}

#else

namespace {

// Set by the launchers: OpenMPI's mpirun, and PMI/PMIx ones (MPICH's hydra, Slurm's srun).
bool launched_by_mpi() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
        if (std::getenv(name)) return true;
    return false;
}

// One message per MPI_Send: the length first, then the bytes in pieces MPI's int count holds.
void send_bytes(const std::string& bytes, int to) {
    const std::uint64_t size = bytes.size();
    MPI_Send(&size, 1, MPI_UINT64_T, to, 0, MPI_COMM_WORLD);
    for (std::uint64_t sent = 0; sent < size;) {
        const int piece = static_cast<int>(std::min<std::uint64_t>(size - sent, INT_MAX));
        MPI_Send(bytes.data() + sent, piece, MPI_CHAR, to, 1, MPI_COMM_WORLD);
        sent += static_cast<std::uint64_t>(piece);
    }
}

std::string receive_bytes(int from) {
    std::uint64_t size = 0;
    MPI_Recv(&size, 1, MPI_UINT64_T, from, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    std::string bytes(size, '\0');
    for (std::uint64_t received = 0; received < size;) {
        const int piece = static_cast<int>(std::min<std::uint64_t>(size - received, INT_MAX));
        MPI_Recv(bytes.data() + received, piece, MPI_CHAR, from, 1, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        received += static_cast<std::uint64_t>(piece);
    }
    return bytes;
}

// Whether every process says yes (a collective: every process must call it).
bool all_agree(bool yes) {
    int mine = yes ? 1 : 0, all = 0;
    MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    return all == 1;
}

int build_as_rank(const BuildOptions& options, std::istream& in, std::ostream& out,
                  std::ostream& err, int rank, int ranks) {
    Progress progress(err, false);
    // Checks every process makes alike, before any work.
    if (!options.update_dir.empty()) {
        if (rank == 0)
            err << "newsgraph: --update runs in one process (not under mpirun)\n"
                   "newsgraph: nothing written\n";
        return 2;
    }
    if (std::find(options.inputs.begin(), options.inputs.end(), "-") != options.inputs.end()) {
        if (rank == 0)
            err << "newsgraph: standard input (-) cannot be shared by MPI processes: name files\n"
                   "newsgraph: nothing written\n";
        return 2;
    }
    // Rank 0 writes: it holds an existing folder from the start, as a one-process build.
    std::optional<OutputLock> lock;
    bool ok = true;
    if (rank == 0 && std::filesystem::is_directory(options.output_dir))
        ok = lock_output_folder(options, lock, progress, err);
    if (!all_agree(ok)) return 2;

    ArticleSelection selection;
    selection.share = static_cast<std::size_t>(rank);
    selection.shares = static_cast<std::size_t>(ranks);
    std::optional<Corpus> corpus = read_corpus(options, in, err, progress, selection);
    if (!all_agree(corpus.has_value())) {
        if (rank == 0) err << "newsgraph: nothing written\n";
        return 2;
    }

    // The counts of every process, summed at rank 0.
    std::uint64_t counts[3] = {corpus->articles, corpus->problems, corpus->warnings};
    std::uint64_t totals[3] = {0, 0, 0};
    MPI_Reduce(counts, totals, 3, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);

    // Tree reduction: at each step a process sends its graph to the one `step` ranks below
    // and stops, or takes the graph of the one `step` above. Lower ranks hold earlier
    // articles, so each merge takes them in input order.
    Snapshot snapshot{std::move(corpus->graph), 0};
    corpus.reset();
    for (int step = 1; step < ranks; step *= 2) {
        if (rank % (2 * step) == step) {
            send_bytes(snapshot_bytes(snapshot), rank - step);
            return 0;
        }
        if (rank + step < ranks) {
            const std::string from = "rank " + std::to_string(rank + step);
            try {
                merge_snapshot(snapshot, parse_snapshot(receive_bytes(rank + step), from), from);
            } catch (const std::exception& e) {  // a bug, not bad input: nothing to go on with
                err << "newsgraph: " << e.what() << '\n';
                MPI_Abort(MPI_COMM_WORLD, 2);
            }
        }
    }
    snapshot.inputs = options.inputs.size();
    snapshot.graph.normalize();
    if (snapshot.graph.documents().empty()) {
        err << "newsgraph: no article could be read\nnewsgraph: nothing written\n";
        return 2;
    }
    RunReport report;
    report.articles = totals[0];
    report.problems = totals[1];
    report.warnings = totals[2];
    report.processes = static_cast<std::size_t>(ranks);
    return write_graph_folder(options, std::move(snapshot), report, lock, progress, out, err);
}

}  // namespace

int start_mpi_if_launched() {
    if (!launched_by_mpi()) return 1;
    int provided = 0;
    // Extraction runs on threads, MPI is called from the main thread only.
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    int ranks = 1;
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    if (ranks == 1) MPI_Finalize();  // mpirun -n 1: the one-process build
    return ranks;
}

int run_mpi_build(const BuildOptions& options, std::istream& in, std::ostream& out,
                  std::ostream& err) {
    int rank = 0, ranks = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    BuildOptions quiet = options;
    if (rank != 0) quiet.quiet = true;
    const int status = build_as_rank(quiet, in, out, err, rank, ranks);
    MPI_Finalize();
    return status;
}

#endif

}  // namespace newsgraph
