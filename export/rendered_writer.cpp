// SVG, PNG and PDF: the drawing of drawing.hpp laid out and rendered by Graphviz (gvc).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "export/drawing.hpp"
#include "export/writers.hpp"

namespace newsgraph {
namespace {

// cairo 1.16 stamps a PDF with the time it was made (/CreationDate (D:20261201022805Z)) and
// ignores SOURCE_DATE_EPOCH, so two runs would differ. The 14 digits are pinned to the Unix
// epoch in place: the same length keeps the cross-reference offsets right.
void pin_pdf_dates(char* data, std::size_t length) {
    const std::string_view pdf(data, length);
    for (const std::string_view key : {"/CreationDate (D:", "/ModDate (D:"}) {
        for (std::size_t at = pdf.find(key); at != std::string_view::npos;
             at = pdf.find(key, at + 1)) {
            const std::size_t digits = at + key.size();
            constexpr std::string_view kEpoch = "19700101000000";
            if (digits + kEpoch.size() <= length)
                std::copy(kEpoch.begin(), kEpoch.end(), data + digits);
        }
    }
}

struct RenderDataFree {
    void operator()(char* data) const { gvFreeRenderData(data); }
};

// Frees a layout however rendering ends.
class Layout {
  public:
    Layout(const Drawing& drawing, const std::string& engine) : drawing_(drawing) {
        if (gvLayout(drawing.context(), drawing.graph(), engine.c_str()) != 0)
            throw std::runtime_error("Graphviz layout \"" + engine +
                                     "\" failed: " + drawing.graphviz_messages());
    }
    ~Layout() { gvFreeLayout(drawing_.context(), drawing_.graph()); }
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;

  private:
    const Drawing& drawing_;
};

class RenderedWriter : public Exporter {
  public:
    // `format` is ours and Graphviz's name of the output format alike ("svg", "png", "pdf").
    explicit RenderedWriter(std::string format)
        : format_(std::move(format)), file_name_("graph." + format_) {}

    std::string_view format() const override { return format_; }
    std::string_view file_name() const override { return file_name_; }
    bool uses_graphviz() const override { return true; }

    void write(const KnowledgeGraph& graph, const ExportOptions& options,
               std::ostream& out) const override {
        const Drawing drawing(graph, options);
        if (format_ == "png" && options.max_png_px != 0) {
            // Inches at 96 dpi, the pad included; `size` only ever shrinks a drawing.
            const double inches = std::max(1.0, (static_cast<double>(options.max_png_px) - 1) / 96);
            char size[64];
            std::snprintf(size, sizeof size, "%.3f,%.3f", inches, inches);
            agsafeset(drawing.graph(), const_cast<char*>("size"), size, const_cast<char*>(""));
        }
        const Layout layout(drawing, Drawing::kEngine);
        char* data = nullptr;
        unsigned int length = 0;
        const int status =
            gvRenderData(drawing.context(), drawing.graph(), format_.c_str(), &data, &length);
        const std::unique_ptr<char, RenderDataFree> rendered(data);
        if (status != 0 || rendered == nullptr)
            throw std::runtime_error("rendering " + format_ + " failed (is the Graphviz " +
                                     "plugin for it installed?): " + drawing.graphviz_messages());
        if (format_ == "pdf") pin_pdf_dates(rendered.get(), length);
        out.write(rendered.get(), length);
    }

  private:
    std::string format_;
    std::string file_name_;
};

}  // namespace

std::unique_ptr<Exporter> make_rendered_writer(std::string_view format) {
    return std::make_unique<RenderedWriter>(std::string(format));
}

}  // namespace newsgraph

// Read by LeakSanitizer when the program is built with -fsanitize=address. Laying out leaks
// inside Graphviz 2.43 (its HTML-label parser, 72 bytes per text item) and inside the
// fontconfig caches its pango text layout fills: nothing we could free. The default fast
// unwinder stops such stacks at libgvc's allocator, so the libraries are named. Graphs are
// cgraph's, whose allocations stay checked.
// NOLINTNEXTLINE(bugprone-reserved-identifier): the name LeakSanitizer looks for
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libgvc.so\n"
           "leak:libfontconfig.so\n";
}
