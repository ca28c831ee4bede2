// SPDX-License-Identifier: MIT
// A QR code reader (ISO/IEC 18004, model 2), in the order a picture is read:
//  1. binarize: 8-bit grey, one global threshold (screenshots and rendered codes are evenly lit);
//  2. finders: rows scanned for the 1:1:3:1:1 runs of the three finder patterns, confirmed across,
//     clustered; three forming a right isosceles triangle give the code's corners and orientation;
//  3. grid: an affine map from modules to pixels through the three finder centres (any turn by 90
//     degrees, a slight skew), the version from their distance;
//  4. format and version information: the nearest valid BCH codeword, from either copy;
//  5. unmask, read the codewords in their zig-zag order and split them into the interleaved blocks;
//  6. Reed-Solomon: each block corrected (Berlekamp-Massey, Chien search, Forney);
//  7. segments: numeric, alphanumeric and byte data to text.
// Every candidate is checked by the error correction, so a wrong guess (a stray finder in the
// surrounding text, a version off by one) fails instead of reading a wrong text.
#include "qr/qrdecoder.h"

#include <QCoreApplication>
#include <QLineF>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace {

// Ordered by how far a read got: the best outcome of several tries is reported.
enum class Status { NotFound, Damaged, Unsupported, Ok };

// ---------------------------------------------------------------------------------------------
// Tables (ISO/IEC 18004 tables 9 and E.1), indexed by EC level (L, M, Q, H) and version (from 1).

// Error-correction codewords per block.
constexpr std::array<std::array<uint8_t, 41>, 4> kEcPerBlock = {{
    {0,  7,  10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {0,  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {0,  13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {0,  17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}};

// Blocks the codewords are split into. Their lengths follow from the codeword count (the data
// modules / 8): the blocks differ by at most one data codeword, the shorter ones first.
constexpr std::array<std::array<uint8_t, 41>, 4> kBlockCount = {{
    {0, 1, 1, 1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7, 8,
     8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {0,  1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {0,  1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {0,  1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}};

// Alignment pattern centres, one list for both rows and columns (0 ends a list).
constexpr std::array<std::array<uint8_t, 7>, 41> kAlignment = {{
    {},
    {},
    {6, 18},
    {6, 22},
    {6, 26},
    {6, 30},
    {6, 34},
    {6, 22, 38},
    {6, 24, 42},
    {6, 26, 46},
    {6, 28, 50},
    {6, 30, 54},
    {6, 32, 58},
    {6, 34, 62},
    {6, 26, 46, 66},
    {6, 26, 48, 70},
    {6, 26, 50, 74},
    {6, 30, 54, 78},
    {6, 30, 56, 82},
    {6, 30, 58, 86},
    {6, 34, 62, 90},
    {6, 28, 50, 72, 94},
    {6, 26, 50, 74, 98},
    {6, 30, 54, 78, 102},
    {6, 28, 54, 80, 106},
    {6, 32, 58, 84, 110},
    {6, 30, 58, 86, 114},
    {6, 34, 62, 90, 118},
    {6, 26, 50, 74, 98, 122},
    {6, 30, 54, 78, 102, 126},
    {6, 26, 52, 78, 104, 130},
    {6, 30, 56, 82, 108, 134},
    {6, 34, 60, 86, 112, 138},
    {6, 30, 58, 86, 114, 142},
    {6, 34, 62, 90, 118, 146},
    {6, 30, 54, 78, 102, 126, 150},
    {6, 24, 50, 76, 102, 128, 154},
    {6, 28, 54, 80, 106, 132, 158},
    {6, 32, 58, 84, 110, 136, 162},
    {6, 26, 54, 82, 110, 138, 166},
    {6, 30, 58, 86, 114, 142, 170},
}};

// Versions 1-3 at the low levels spend a few EC codewords on detecting misreads instead of
// correcting them (table 9's "p"): fewer errors may be corrected there.
int misreadProtection(int version, int level) {
    static constexpr int kProtection[3][4] = {{3, 2, 1, 1}, {2, 0, 0, 0}, {1, 0, 0, 0}};
    return version <= 3 ? kProtection[version - 1][level] : 0;
}

// ---------------------------------------------------------------------------------------------
// Binarize

// The picture in grey and thresholded. The finder search runs on the thresholded pixels; edges and
// modules are measured on the grey levels, between pixels: at 1.5 pixels per module, a whole pixel
// is a third of a module.
struct Bitmap {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> grey;
    int threshold = 127;        // grey levels up to it are dark
    bool inverted = false;      // light on dark: the light levels count as dark
    std::vector<uint8_t> dark;  // 1 per dark pixel, row by row

    bool inside(int x, int y) const { return x >= 0 && y >= 0 && x < width && y < height; }
    bool at(int x, int y) const { return dark[size_t(y) * width + x]; }
    // How dark the point (x, y) is, against the threshold: > 0 dark, < 0 light (outside: light).
    // Interpolated between the four nearest pixel centres.
    double darkness(double x, double y) const {
        x -= 0.5;
        y -= 0.5;
        if (!(x > -1 && y > -1 && x < width && y < height)) return -1;  // also NaN
        const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
        const double fx = x - x0, fy = y - y0;
        auto level = [&](int px, int py) {
            return double(grey[size_t(std::clamp(py, 0, height - 1)) * width + std::clamp(px, 0, width - 1)]);
        };
        const double g = (level(x0, y0) * (1 - fx) + level(x0 + 1, y0) * fx) * (1 - fy) +
                         (level(x0, y0 + 1) * (1 - fx) + level(x0 + 1, y0 + 1) * fx) * fy;
        const double d = threshold + 0.5 - g;
        return inverted ? -d : d;
    }
    void invert() {
        inverted = !inverted;
        for (uint8_t& d : dark) d ^= 1;
    }
};

// The threshold between dark and light (levels up to it are dark): first Otsu's split of the
// histogram into the two classes farthest apart (the largest between-class variance), then the
// level midway between black and white, taken as each class's outer tenth. Blur and anti-aliasing
// fill the levels in between, a one-module gap between dark modules stays grey at 1.5 pixels per
// module, and Otsu's split or the classes' peaks then lean into the larger class (a white page);
// halfway between the extremes is where a blurred edge is.
int threshold(const std::vector<uint8_t>& grey) {
    std::array<double, 256> histogram{};
    for (uint8_t level : grey) histogram[level] += 1;
    double sum = 0;
    for (int i = 0; i < 256; ++i) sum += i * histogram[i];
    double weightDark = 0, sumDark = 0, best = -1, darkPixels = 0;
    int split = 127;  // a single grey level: a white picture has nothing dark
    for (int t = 0; t < 255; ++t) {
        weightDark += histogram[t];
        sumDark += t * histogram[t];
        const double weightLight = double(grey.size()) - weightDark;
        if (weightDark == 0) continue;
        if (weightLight == 0) break;
        const double gap = sumDark / weightDark - (sum - sumDark) / weightLight;
        const double between = weightDark * weightLight * gap * gap;
        if (between > best) {
            best = between;
            split = t;
            darkPixels = weightDark;
        }
    }
    if (best < 0) return split;
    int black = 0, white = 255;
    for (double seen = 0; (seen += histogram[black]) < darkPixels / 10;) ++black;
    for (double seen = 0; (seen += histogram[white]) < (double(grey.size()) - darkPixels) / 10;) --white;
    return (black + white) / 2;
}

Bitmap binarize(const QImage& image) {
    // Transparency is laid over white: a code saved on a transparent background is dark on
    // nothing, and a transparent pixel's colour is usually black.
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    Bitmap bits;
    bits.width = argb.width();
    bits.height = argb.height();
    std::vector<uint8_t>& grey = bits.grey;
    grey.resize(size_t(bits.width) * bits.height);
    for (int y = 0; y < bits.height; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        for (int x = 0; x < bits.width; ++x) {
            const int alpha = qAlpha(line[x]);
            grey[size_t(y) * bits.width + x] = uint8_t((qGray(line[x]) * alpha + 255 * (255 - alpha)) / 255);
        }
    }
    bits.threshold = threshold(grey);
    bits.dark.resize(grey.size());
    std::transform(grey.begin(), grey.end(), bits.dark.begin(), [&](uint8_t g) { return g <= bits.threshold; });
    return bits;
}

// ---------------------------------------------------------------------------------------------
// Finder patterns. Any line through a finder's centre crosses dark, light, dark, light, dark runs
// in the ratio 1:1:3:1:1. Rows find candidates, the column and the row through them confirm and
// centre them, and the many rows through one finder are merged into one.

struct Finder {
    double x = 0;
    double y = 0;
    double module = 0;  // pixels per module
    int hits = 0;       // rows that found it
};

// Whether five runs (dark first) have the ratio 1:1:3:1:1, each within half a module and `slack`
// pixels. Runs counted in whole pixels need a pixel of slack: at 1.5 pixels per module the edges of
// an anti-aliased code land a pixel either way, and the threshold widens one colour.
template <typename T>
bool finderRatio(const std::array<T, 5>& runs, double slack) {
    const double total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
    if (total < 7) return false;
    const double module = total / 7.0, tolerance = module / 2 + slack;
    return std::abs(runs[0] - module) < tolerance && std::abs(runs[1] - module) < tolerance &&
           std::abs(runs[2] - 3 * module) < 3 * tolerance && std::abs(runs[3] - module) < tolerance &&
           std::abs(runs[4] - module) < tolerance;
}

struct Cross {
    double centre;  // the coordinate along the line
    double total;   // the five runs' length
};

// The five runs through the dark pixel (x, y) along (dx, dy), one of (1, 0) and (0, 1), if they
// are a finder's and no longer than maxTotal. Their edges are placed between pixels, where the grey
// level crosses the threshold. The centre is the mean of the middle run's centre and the whole
// pattern's (both unbiased by a threshold that makes dark runs wider).
std::optional<Cross> crossCheck(const Bitmap& bits, int x, int y, int dx, int dy, int maxTotal) {
    // The length of the run of `dark` starting `from` steps away, going `step` (stops past maxTotal).
    auto run = [&](int from, int step, bool dark) {
        int n = 0;
        for (int t = from; n <= maxTotal; t += step, ++n) {
            const int px = x + t * dx, py = y + t * dy;
            if (!bits.inside(px, py) || bits.at(px, py) != dark) break;
        }
        return n;
    };
    if (!bits.inside(x, y) || !bits.at(x, y)) return {};
    const int back = run(0, -1, true), ahead = run(0, 1, true);
    std::array<int, 5> runs{};
    runs[2] = back + ahead - 1;
    runs[1] = run(-back, -1, false);
    runs[0] = run(-back - runs[1], -1, true);
    runs[3] = run(ahead, 1, false);
    runs[4] = run(ahead + runs[3], 1, true);
    const int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
    if (total > maxTotal || !finderRatio(runs, 1)) return {};
    // The boundary between pixel `t` and the next one along the line.
    auto edge = [&](int t) {
        auto darkness = [&](int at) { return bits.darkness(x + at * dx + 0.5, y + at * dy + 0.5); };
        const double a = darkness(t), b = darkness(t + 1);
        return (dx ? x : y) + t + 0.5 + ((a > 0) != (b > 0) ? a / (a - b) : 0.5);
    };
    int t = -back - runs[1] - runs[0];  // the pixel before the pattern
    std::array<double, 6> edges{edge(t)};
    for (int i = 0; i < 5; ++i) edges[i + 1] = edge(t += runs[i]);
    std::array<double, 5> lengths{};
    for (int i = 0; i < 5; ++i) lengths[i] = edges[i + 1] - edges[i];
    if (!finderRatio(lengths, 0.25)) return {};
    return Cross{((edges[2] + edges[3]) / 2 + (edges[0] + edges[5]) / 2) / 2, edges[5] - edges[0]};
}

std::vector<Finder> findFinders(const Bitmap& bits) {
    // A picture of noise has look-alikes everywhere (thousands in a large one); the search stops
    // at this many, far more than a picture with a code holds, to bound the time.
    constexpr size_t kMaxFinders = 5000;
    std::vector<Finder> finders;
    std::vector<int> starts;  // where the row's runs start, and its end
    for (int y = 0; y < bits.height && finders.size() < kMaxFinders; ++y) {
        starts.clear();
        for (int x = 0; x < bits.width; ++x)
            if (x == 0 || bits.at(x, y) != bits.at(x - 1, y)) starts.push_back(x);
        starts.push_back(bits.width);
        for (size_t i = 0; i + 5 < starts.size(); ++i) {
            if (!bits.at(starts[i], y)) continue;
            std::array<int, 5> runs{};
            for (int k = 0; k < 5; ++k) runs[k] = starts[i + k + 1] - starts[i + k];
            if (!finderRatio(runs, 1)) continue;
            const int total = starts[i + 5] - starts[i];
            const int cx = (starts[i + 2] + starts[i + 3]) / 2;
            const auto column = crossCheck(bits, cx, y, 0, 1, total * 2);
            if (!column) continue;
            const double cy = column->centre;
            const auto row = crossCheck(bits, cx, int(cy), 1, 0, total * 2);
            // A finder is square: as wide as high, within a third (skew, rounding).
            if (!row || 3 * std::abs(row->total - column->total) > std::max(row->total, column->total)) continue;
            const Finder found{row->centre, cy, (row->total + column->total) / 14.0, 1};
            auto same = std::find_if(finders.begin(), finders.end(), [&](const Finder& f) {
                return std::abs(f.x - found.x) < 1.5 * f.module && std::abs(f.y - found.y) < 1.5 * f.module &&
                       std::abs(f.module - found.module) < f.module / 2;
            });
            if (same == finders.end()) {
                finders.push_back(found);
                continue;
            }
            // The running mean of the rows' measurements, each a little off.
            const double n = same->hits;
            same->x = (same->x * n + found.x) / (n + 1);
            same->y = (same->y * n + found.y) / (n + 1);
            same->module = (same->module * n + found.module) / (n + 1);
            ++same->hits;
        }
    }
    return finders;
}

// ---------------------------------------------------------------------------------------------
// Corners: three finders forming a right isosceles triangle. The one at the right angle is the top
// left; going clockwise (in pixel coordinates, y down) from it come top right and bottom left, so
// the orientation follows from the finders alone.

struct Corners {
    QPointF topLeft, topRight, bottomLeft;
    double module = 0;
    double score = 0;  // how far from the ideal triangle; the smallest is tried first
};

std::vector<Corners> findCorners(std::vector<Finder> finders) {
    // The finders most rows agreed on first. A large code's data hold a dozen or more look-alikes
    // (some found by more rows than the real finders), text and lines a few more: 40 are kept, and
    // the geometry and then the error correction sort them out. A finder found by one row only is
    // chance, unless there are not three others.
    std::stable_sort(finders.begin(), finders.end(), [](const Finder& a, const Finder& b) { return a.hits > b.hits; });
    const auto once = std::find_if(finders.begin(), finders.end(), [](const Finder& f) { return f.hits < 2; });
    if (once - finders.begin() >= 3) finders.erase(once, finders.end());
    if (finders.size() > 40) finders.resize(40);
    std::vector<Corners> out;
    const int n = int(finders.size());
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
            for (int k = j + 1; k < n; ++k) {
                const std::array<const Finder*, 3> f = {&finders[i], &finders[j], &finders[k]};
                const auto [smallest, largest] = std::minmax({f[0]->module, f[1]->module, f[2]->module});
                if (largest > 1.5 * smallest) continue;
                std::array<double, 3> side{};  // the side facing each finder
                for (int m = 0; m < 3; ++m) {
                    const Finder& a = *f[(m + 1) % 3];
                    const Finder& b = *f[(m + 2) % 3];
                    side[m] = std::hypot(a.x - b.x, a.y - b.y);
                }
                const int corner = int(std::max_element(side.begin(), side.end()) - side.begin());
                const double legA = side[(corner + 1) % 3], legB = side[(corner + 2) % 3];
                const double legs2 = legA * legA + legB * legB;
                const double legMismatch = std::abs(legA - legB) / std::max(legA, legB);
                const double angleMismatch = std::abs(side[corner] * side[corner] - legs2) / legs2;
                const double module = (f[0]->module + f[1]->module + f[2]->module) / 3;
                const double legModules = (legA + legB) / 2 / module;  // 14 to 170 in a real code
                if (legMismatch > 0.15 || angleMismatch > 0.15 || legModules < 10 || legModules > 200) continue;
                const QPointF c(f[corner]->x, f[corner]->y);
                QPointF p(f[(corner + 1) % 3]->x, f[(corner + 1) % 3]->y);
                QPointF q(f[(corner + 2) % 3]->x, f[(corner + 2) % 3]->y);
                const QPointF cp = p - c, cq = q - c;
                if (cp.x() * cq.y() - cp.y() * cq.x() < 0) std::swap(p, q);
                out.push_back({c, p, q, module, legMismatch + angleMismatch + largest / smallest - 1});
            }
    std::sort(out.begin(), out.end(), [](const Corners& a, const Corners& b) { return a.score < b.score; });
    return out;
}

// ---------------------------------------------------------------------------------------------
// Grid: module (column, row) is at topLeft + (column - 3) * across + (row - 3) * down, the finder
// centres being 3.5 modules in from the edges. An affine map: it follows a turn by any angle and a
// slight skew, not perspective.

struct Grid {
    Grid(const Bitmap& bits, const Corners& corners, int version)
        : bits(&bits),
          size(17 + 4 * version),
          origin(corners.topLeft),
          across((corners.topRight - corners.topLeft) / (size - 7)),
          down((corners.bottomLeft - corners.topLeft) / (size - 7)) {}

    // Whether the module's centre is dark (outside the picture: light).
    bool dark(int column, int row) const {
        const QPointF p = origin + (column - 3) * across + (row - 3) * down;
        return bits->darkness(p.x(), p.y()) > 0;
    }

    const Bitmap* bits;
    int size;
    QPointF origin, across, down;
};

// ---------------------------------------------------------------------------------------------
// Format and version information: BCH codewords, read as the nearest valid one by Hamming
// distance, which corrects up to 3 wrong bits. Both copies are read.

// The 32 format codewords, indexed by their data: EC level (2 bits) and mask (3 bits); BCH(15,5)
// with generator 0x537, XOR 0x5412 so that no codeword is all light.
constexpr std::array<uint32_t, 32> kFormatCodewords = [] {
    std::array<uint32_t, 32> out{};
    for (uint32_t data = 0; data < 32; ++data) {
        uint32_t rest = data << 10;
        for (int bit = 14; bit >= 10; --bit)
            if (rest & (1u << bit)) rest ^= 0x537u << (bit - 10);
        out[data] = ((data << 10) | rest) ^ 0x5412;
    }
    return out;
}();

// The version codewords (7 to 40; 0 before): the version (6 bits), BCH(18,6) with generator 0x1F25.
constexpr std::array<uint32_t, 41> kVersionCodewords = [] {
    std::array<uint32_t, 41> out{};
    for (uint32_t version = 7; version <= 40; ++version) {
        uint32_t rest = version << 12;
        for (int bit = 17; bit >= 12; --bit)
            if (rest & (1u << bit)) rest ^= 0x1F25u << (bit - 12);
        out[version] = (version << 12) | rest;
    }
    return out;
}();

// The index (from `first` on) of the valid codeword nearest to `bits`, and its distance.
template <size_t N>
std::pair<int, int> nearestCodeword(const std::array<uint32_t, N>& codewords, size_t first, uint32_t bits) {
    std::pair<int, int> best{-1, 99};
    for (size_t i = first; i < N; ++i)
        if (const int distance = std::popcount(codewords[i] ^ bits); distance < best.second) best = {int(i), distance};
    return best;
}

struct Format {
    int level;  // 0-3: L, M, Q, H
    int mask;
};

// What each copy reads as, the closer first. Both are kept when they differ: a copy wrong in every
// bit is a valid codeword again (the code holds the all-ones word), so the closer is not always
// right; the error correction tells.
std::vector<Format> readFormats(const Grid& grid) {
    const int size = grid.size;
    uint32_t first = 0, second = 0;  // bit 14 first
    auto bit = [&](uint32_t& bits, int column, int row) { bits = (bits << 1) | uint32_t(grid.dark(column, row)); };
    // Around the top left finder, skipping the timing patterns at row and column 6.
    for (int column = 0; column <= 5; ++column) bit(first, column, 8);
    bit(first, 7, 8);
    bit(first, 8, 8);
    bit(first, 8, 7);
    for (int row = 5; row >= 0; --row) bit(first, 8, row);
    // Split between the bottom left finder (bits 14-8) and the top right one (bits 7-0).
    for (int row = size - 1; row >= size - 7; --row) bit(second, 8, row);
    for (int column = size - 8; column < size; ++column) bit(second, column, 8);
    auto a = nearestCodeword(kFormatCodewords, 0, first), b = nearestCodeword(kFormatCodewords, 0, second);
    if (b.second < a.second) std::swap(a, b);
    // The level's bits are 01 for L, 00 for M, 11 for Q, 10 for H.
    static constexpr int kLevelFromBits[4] = {1, 0, 3, 2};
    std::vector<Format> out;
    for (const auto& [data, distance] : {a, b})
        if (distance <= 3 && (out.empty() || data != a.first)) out.push_back({kLevelFromBits[data >> 3], data & 7});
    return out;
}

// The version from the version information (versions 7 and up), or 0 if neither copy reads.
int readVersion(const Grid& grid) {
    const int size = grid.size;
    uint32_t topRight = 0, bottomLeft = 0;  // bit 17 first
    for (int i = 17; i >= 0; --i) {
        topRight = (topRight << 1) | uint32_t(grid.dark(size - 11 + i % 3, i / 3));
        bottomLeft = (bottomLeft << 1) | uint32_t(grid.dark(i / 3, size - 11 + i % 3));
    }
    auto a = nearestCodeword(kVersionCodewords, 7, topRight), b = nearestCodeword(kVersionCodewords, 7, bottomLeft);
    if (b.second < a.second) std::swap(a, b);
    return a.second <= 3 ? a.first : 0;
}

// ---------------------------------------------------------------------------------------------
// Unmasking and codewords. The data fill every module that is not a function pattern (finders with
// their separators and the format information, timing, alignment, version information), in
// two-column strips from the bottom right, up and down in turn, skipping the timing column.

std::vector<uint8_t> functionModules(int version) {
    const int size = 17 + 4 * version;
    std::vector<uint8_t> function(size_t(size) * size, 0);
    auto mark = [&](int column, int row, int width, int height) {
        for (int r = row; r < row + height; ++r)
            for (int c = column; c < column + width; ++c) function[size_t(r) * size + c] = 1;
    };
    mark(0, 0, 9, 9);
    mark(size - 8, 0, 8, 9);
    mark(0, size - 8, 9, 8);  // with the always dark module above the format bits
    mark(6, 0, 1, size);
    mark(0, 6, size, 1);
    for (int row : kAlignment[version])
        for (int column : kAlignment[version]) {
            const bool onFinder = (row == 6 && (column == 6 || column == size - 7)) || (column == 6 && row == size - 7);
            if (row && column && !onFinder) mark(column - 2, row - 2, 5, 5);
        }
    if (version >= 7) {
        mark(size - 11, 0, 3, 6);
        mark(0, size - 11, 6, 3);
    }
    return function;
}

// Whether the mask pattern flips the module at (row, column).
bool masked(int mask, int row, int column) {
    const int r = row, c = column;
    switch (mask) {
    case 0: return (r + c) % 2 == 0;
    case 1: return r % 2 == 0;
    case 2: return c % 3 == 0;
    case 3: return (r + c) % 3 == 0;
    case 4: return (r / 2 + c / 3) % 2 == 0;
    case 5: return (r * c) % 2 + (r * c) % 3 == 0;
    case 6: return ((r * c) % 2 + (r * c) % 3) % 2 == 0;
    default: return ((r + c) % 2 + (r * c) % 3) % 2 == 0;
    }
}

// All codewords, interleaved as stored (the 0-7 remainder bits left out).
std::vector<uint8_t> readCodewords(const Grid& grid, int version, int mask) {
    const int size = grid.size;
    const std::vector<uint8_t> function = functionModules(version);
    std::vector<uint8_t> codewords;
    uint32_t byte = 0;
    int bits = 0;
    for (int right = size - 1; right >= 1; right -= 2) {
        if (right == 6) right = 5;
        const bool upward = ((right + 1) & 2) == 0;
        for (int i = 0; i < size; ++i) {
            const int row = upward ? size - 1 - i : i;
            for (int column : {right, right - 1}) {
                if (function[size_t(row) * size + column]) continue;
                byte = (byte << 1) | uint32_t(grid.dark(column, row) != masked(mask, row, column));
                if (++bits == 8) {
                    codewords.push_back(uint8_t(byte));
                    byte = 0;
                    bits = 0;
                }
            }
        }
    }
    return codewords;
}

// ---------------------------------------------------------------------------------------------
// Reed-Solomon over GF(256) (polynomial 0x11D, generator roots a^0 .. a^(ec-1)). A block is a
// polynomial with its first codeword as the highest coefficient.

struct Galois {
    std::array<uint8_t, 512> exp{};  // twice over, so that exp[log a + log b] needs no modulo
    std::array<int, 256> log{};
};

constexpr Galois kGf = [] {
    Galois gf;
    int x = 1;
    for (int i = 0; i < 255; ++i) {
        gf.exp[i] = uint8_t(x);
        gf.log[x] = i;
        x <<= 1;
        if (x & 0x100) x ^= 0x11D;
    }
    for (int i = 255; i < 512; ++i) gf.exp[i] = gf.exp[i - 255];
    return gf;
}();

uint8_t mul(uint8_t a, uint8_t b) { return a && b ? kGf.exp[kGf.log[a] + kGf.log[b]] : 0; }
uint8_t divide(uint8_t a, uint8_t b) { return a ? kGf.exp[kGf.log[a] + 255 - kGf.log[b]] : 0; }  // b != 0
uint8_t power(int exponent) { return kGf.exp[((exponent % 255) + 255) % 255]; }

// The polynomial (lowest coefficient first) at x.
uint8_t evaluate(const std::vector<uint8_t>& poly, uint8_t x) {
    uint8_t value = 0;
    for (size_t i = poly.size(); i-- > 0;) value = mul(value, x) ^ poly[i];
    return value;
}

std::vector<uint8_t> syndromes(const std::vector<uint8_t>& block, int ecCount) {
    std::vector<uint8_t> s(ecCount);
    for (int j = 0; j < ecCount; ++j)
        for (uint8_t codeword : block) s[j] = mul(s[j], power(j)) ^ codeword;
    return s;
}

// Corrects the block (data, then ecCount EC codewords) in place; false if it has more than
// maxErrors errors, or more than can be located.
bool correctErrors(std::vector<uint8_t>& block, int ecCount, int maxErrors) {
    const int n = int(block.size());
    const std::vector<uint8_t> s = syndromes(block, ecCount);
    if (std::all_of(s.begin(), s.end(), [](uint8_t v) { return v == 0; })) return true;

    // Berlekamp-Massey: the shortest error locator lambda(x) = prod(1 - X_k x) that generates the
    // syndromes.
    std::vector<uint8_t> lambda{1}, previous{1};
    int errors = 0, shift = 1;
    uint8_t previousDiscrepancy = 1;
    for (int i = 0; i < ecCount; ++i) {
        uint8_t discrepancy = s[i];
        for (int j = 1; j <= errors && j < int(lambda.size()); ++j) discrepancy ^= mul(lambda[j], s[i - j]);
        if (discrepancy == 0) {
            ++shift;
            continue;
        }
        const std::vector<uint8_t> saved = lambda;
        const uint8_t factor = divide(discrepancy, previousDiscrepancy);
        lambda.resize(std::max(lambda.size(), previous.size() + shift), 0);
        for (size_t j = 0; j < previous.size(); ++j) lambda[j + shift] ^= mul(factor, previous[j]);
        if (2 * errors <= i) {
            errors = i + 1 - errors;
            previous = saved;
            previousDiscrepancy = discrepancy;
            shift = 1;
        } else {
            ++shift;
        }
    }
    if (errors > maxErrors) return false;

    // Chien search: codeword k (power n-1-k) is wrong where lambda(X^-1) = 0.
    std::vector<int> positions;
    for (int k = 0; k < n; ++k)
        if (evaluate(lambda, power(-(n - 1 - k))) == 0) positions.push_back(k);
    if (int(positions.size()) != errors) return false;  // the roots are not all inside the block

    // Forney: omega(x) = s(x) lambda(x) mod x^ec; with the first root a^0 the error value is
    // X omega(X^-1) / lambda'(X^-1), lambda' keeping lambda's odd terms (characteristic 2).
    std::vector<uint8_t> omega(ecCount, 0);
    for (int i = 0; i < ecCount; ++i)
        for (int j = 0; j <= i && j < int(lambda.size()); ++j) omega[i] ^= mul(s[i - j], lambda[j]);
    for (int k : positions) {
        const uint8_t x = power(n - 1 - k), xInverse = power(-(n - 1 - k));
        uint8_t derivative = 0;
        for (size_t j = 1; j < lambda.size(); j += 2) derivative ^= mul(lambda[j], power(-(n - 1 - k) * int(j - 1)));
        if (derivative == 0) return false;
        block[k] ^= mul(x, divide(evaluate(omega, xInverse), derivative));
    }
    const std::vector<uint8_t> check = syndromes(block, ecCount);
    return std::all_of(check.begin(), check.end(), [](uint8_t v) { return v == 0; });
}

// The data codewords in order, every block corrected; nothing if one cannot be.
std::optional<std::vector<uint8_t>> correctedData(const std::vector<uint8_t>& codewords, int version, int level) {
    const int blocks = kBlockCount[level][version], ecCount = kEcPerBlock[level][version];
    const int total = int(codewords.size());
    const int longBlocks = total % blocks, shortData = total / blocks - ecCount;
    if (shortData <= 0) return {};
    // The data codewords go round the blocks (the long blocks' last one after the rest), then the
    // EC codewords the same way.
    std::vector<std::vector<uint8_t>> block(blocks);
    size_t next = 0;
    for (int i = 0; i <= shortData; ++i)
        for (int b = 0; b < blocks; ++b)
            if (i < shortData || b >= blocks - longBlocks) block[b].push_back(codewords[next++]);
    for (int i = 0; i < ecCount; ++i)
        for (int b = 0; b < blocks; ++b) block[b].push_back(codewords[next++]);
    const int maxErrors = (ecCount - misreadProtection(version, level)) / 2;
    std::vector<uint8_t> data;
    for (std::vector<uint8_t>& b : block) {
        if (!correctErrors(b, ecCount, maxErrors)) return {};
        data.insert(data.end(), b.begin(), b.end() - ecCount);
    }
    return data;
}

// ---------------------------------------------------------------------------------------------
// Segments: a 4-bit mode, a character count (its width depends on the mode and the version) and
// the characters, until the terminator or the end of the data. Numeric and alphanumeric segments
// are ASCII, byte segments UTF-8 in practice (Latin-1, the standard's default, if they are not).

class BitReader {
public:
    explicit BitReader(const std::vector<uint8_t>& bytes) : m_bytes(bytes) {}
    int available() const { return int(m_bytes.size() * 8 - m_position); }
    int read(int count) {
        int value = 0;
        for (; count > 0; --count, ++m_position)
            value = (value << 1) | ((m_bytes[m_position / 8] >> (7 - m_position % 8)) & 1);
        return value;
    }

private:
    const std::vector<uint8_t>& m_bytes;
    size_t m_position = 0;
};

Status decodeSegments(const std::vector<uint8_t>& data, int version, QString& text) {
    static constexpr char kAlphanumeric[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    static constexpr int kCountBits[3][3] = {{10, 12, 14}, {9, 11, 13}, {8, 16, 16}};  // by mode, version class
    const int versionClass = version <= 9 ? 0 : version <= 26 ? 1 : 2;
    BitReader in(data);
    QByteArray bytes;
    while (in.available() >= 4) {
        const int mode = in.read(4);
        if (mode == 0) break;  // the terminator
        if (mode == 7) {
            // ECI: only 26, UTF-8 (what the byte segments are read as anyway), in its one-byte form.
            if (in.available() < 8 || in.read(8) != 26) return Status::Unsupported;
            continue;
        }
        const int kind = mode == 1 ? 0 : mode == 2 ? 1 : mode == 4 ? 2 : -1;
        if (kind < 0) return Status::Unsupported;  // Kanji, structured append, FNC1 (GS1)
        const int countBits = kCountBits[kind][versionClass];
        if (in.available() < countBits) return Status::Damaged;
        int count = in.read(countBits);
        if (kind == 0) {  // numeric: three digits in 10 bits, the last one or two in 4 or 7
            for (; count > 0; count -= 3) {
                const int digits = std::min(count, 3), width = 3 * digits + 1;
                if (in.available() < width) return Status::Damaged;
                const int value = in.read(width);
                if (value >= (digits == 3 ? 1000 : digits == 2 ? 100 : 10)) return Status::Damaged;
                bytes += QByteArray::number(value).rightJustified(digits, '0');
            }
        } else if (kind == 1) {  // alphanumeric: two characters in 11 bits (45 a + b), the last in 6
            for (; count > 0; count -= 2) {
                const bool pair = count >= 2;
                if (in.available() < (pair ? 11 : 6)) return Status::Damaged;
                const int value = in.read(pair ? 11 : 6);
                if (value >= (pair ? 45 * 45 : 45)) return Status::Damaged;
                if (pair) bytes += kAlphanumeric[value / 45];
                bytes += kAlphanumeric[value % 45];
            }
        } else {
            if (in.available() < 8 * count) return Status::Damaged;
            for (; count > 0; --count) bytes += char(in.read(8));
        }
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    text = utf8(bytes);
    if (utf8.hasError()) text = QString::fromLatin1(bytes);
    return Status::Ok;
}

// ---------------------------------------------------------------------------------------------
// Putting it together: each candidate triangle, each plausible version, until the error correction
// accepts one.

Status decodeGrid(const Grid& grid, int version, QString& text) {
    for (const Format& format : readFormats(grid))
        if (const auto data = correctedData(readCodewords(grid, version, format.mask), version, format.level))
            return decodeSegments(*data, version, text);
    return Status::Damaged;
}

Status decodeAt(const Bitmap& bits, const Corners& corners, QString& text) {
    // The finders' distance in modules gives the size (a 4k + 1 from 21 to 177). The module size
    // measured on the finders can be a few percent off, which a large code multiplies: the nearest
    // versions are tried too, and from version 7 on the version information tells.
    const double legs =
        QLineF(corners.topLeft, corners.topRight).length() + QLineF(corners.topLeft, corners.bottomLeft).length();
    const double modules = legs / 2 / corners.module + 7;
    const int estimate = std::clamp(int(std::lround((modules - 17) / 4)), 1, 40);
    std::array<bool, 41> tried{};
    for (int delta : {0, -1, 1, -2, 2}) {
        const int guess = estimate + delta;
        if (guess < 1 || guess > 40) continue;
        // What the version information says first (0: nothing), then the guess itself.
        for (int version : {guess >= 7 ? readVersion(Grid(bits, corners, guess)) : 0, guess}) {
            if (version == 0 || tried[version]) continue;
            tried[version] = true;
            const Status status = decodeGrid(Grid(bits, corners, version), version, text);
            if (status != Status::Damaged) return status;
        }
    }
    return Status::Damaged;
}

Status decodeBitmap(const Bitmap& bits, QString& text) {
    const std::vector<Corners> candidates = findCorners(findFinders(bits));
    if (candidates.empty()) return Status::NotFound;
    // A real code's triangle is among the best few; stray ones (noise, text) only cost time.
    constexpr size_t kMaxTries = 30;
    for (size_t i = 0; i < std::min(candidates.size(), kMaxTries); ++i) {
        const Status status = decodeAt(bits, candidates[i], text);
        if (status != Status::Damaged) return status;
    }
    return Status::Damaged;
}

}  // namespace

QrDecodeResult decodeQrImage(const QImage& image) {
    Status status = Status::NotFound;
    QString text;
    if (!image.isNull()) {
        // A huge picture is read at 4096 pixels at most, to bound the memory (about 10 bytes a
        // pixel) and the time.
        const QImage source = image.width() > 4096 || image.height() > 4096
                                  ? image.scaled(4096, 4096, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                  : image;
        Bitmap bits = binarize(source);
        status = decodeBitmap(bits, text);
        if (status < Status::Unsupported) {
            // Light on dark (a dark theme's code): the same with the colours swapped.
            bits.invert();
            status = std::max(status, decodeBitmap(bits, text));
        }
    }
    switch (status) {
    case Status::Ok: return {text, {}};
    case Status::NotFound: return {{}, QCoreApplication::translate("QrDecoder", "No QR code was found in the image.")};
    case Status::Damaged:
        return {{}, QCoreApplication::translate("QrDecoder", "The QR code could not be read (too damaged).")};
    case Status::Unsupported:
        return {{},
                QCoreApplication::translate("QrDecoder", "The QR code uses an encoding this wallet does not read.")};
    }
    return {};
}
