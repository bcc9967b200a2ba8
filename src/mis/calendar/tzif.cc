// TZif files and POSIX TZ strings (tzif.h), from RFC 8536.
#include "mis/calendar/tzif.h"

#include <cstdint>
#include <vector>

namespace ordo::mis::calendar {

namespace {

constexpr std::int64_t kMinOffset = -89'999, kMaxOffset = 93'599;

Error Bad(const std::string& field, const std::string& name, const std::string& what) {
  return Error::Invalid(field, field + ": the time zone file of '" + name + "' " + what,
                        "bad_time_zone_file");
}

// A bounds-checked big-endian reader over the file.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool Has(std::size_t n) const { return data_.size() - pos_ >= n; }
  std::size_t pos() const { return pos_; }
  std::string_view rest() const { return data_.substr(pos_); }
  void Skip(std::size_t n) { pos_ += n; }
  std::uint64_t Unsigned(std::size_t bytes) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < bytes; ++i)
      v = (v << 8) | static_cast<unsigned char>(data_[pos_++]);
    return v;
  }
  std::int64_t Signed(std::size_t bytes) {
    const std::uint64_t v = Unsigned(bytes);
    if (bytes == 8) return static_cast<std::int64_t>(v);
    const std::uint64_t sign = std::uint64_t{1} << (bytes * 8 - 1);
    return static_cast<std::int64_t>(v ^ sign) - static_cast<std::int64_t>(sign);
  }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

struct Header {
  char version = 0;
  std::uint64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

constexpr std::size_t kHeaderBytes = 44;

Result<Header> ReadHeader(Reader& r, const std::string& name, const std::string& field) {
  if (!r.Has(kHeaderBytes)) return Bad(field, name, "is too short for a TZif header");
  if (r.rest().substr(0, 4) != "TZif") return Bad(field, name, "does not start with \"TZif\"");
  r.Skip(4);
  Header h;
  h.version = static_cast<char>(r.Unsigned(1));
  if (h.version != 0 && h.version != '2' && h.version != '3' && h.version != '4')
    return Bad(field, name, "has an unknown TZif version");
  r.Skip(15);
  for (std::uint64_t* count :
       {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt})
    *count = r.Unsigned(4);
  if (h.typecnt == 0) return Bad(field, name, "has no local time type");
  if (h.charcnt == 0) return Bad(field, name, "has no time zone designations");
  if (h.isutcnt != 0 && h.isutcnt != h.typecnt)
    return Bad(field, name, "has a UT/local indicator count other than 0 or the type count");
  if (h.isstdcnt != 0 && h.isstdcnt != h.typecnt)
    return Bad(field, name, "has a standard/wall indicator count other than 0 or the type count");
  return h;
}

// The bytes of the data block after `h` with `time_bytes`-byte times.
std::uint64_t BlockBytes(const Header& h, std::uint64_t time_bytes) {
  return h.timecnt * time_bytes + h.timecnt + h.typecnt * 6 + h.charcnt +
         h.leapcnt * (time_bytes + 4) + h.isstdcnt + h.isutcnt;
}

struct Block {
  std::int32_t initial_offset = 0;
  std::vector<OffsetChange> changes;
};

Result<Block> ReadBlock(Reader& r, const Header& h, std::size_t time_bytes, const std::string& name,
                        const std::string& field) {
  // Counts are at most 2^32 - 1 each, so the sum cannot overflow 64 bits.
  if (!r.Has(BlockBytes(h, time_bytes))) return Bad(field, name, "is cut off in its data");
  if (h.leapcnt != 0)
    return Bad(field, name, "has leap-second records (a \"right/\" zone), which are not UTC");
  std::vector<std::int64_t> times(h.timecnt);
  for (auto& t : times) t = r.Signed(time_bytes);
  for (std::size_t i = 1; i < times.size(); ++i)
    if (times[i] <= times[i - 1]) return Bad(field, name, "has transition times out of order");
  std::vector<std::uint64_t> indices(h.timecnt);
  for (auto& i : indices) {
    i = r.Unsigned(1);
    if (i >= h.typecnt) return Bad(field, name, "has a transition to a type that does not exist");
  }
  std::vector<std::int32_t> offsets(h.typecnt);
  for (auto& o : offsets) {
    const std::int64_t utoff = r.Signed(4);
    const std::uint64_t isdst = r.Unsigned(1), desigidx = r.Unsigned(1);
    if (utoff < kMinOffset || utoff > kMaxOffset)
      return Bad(field, name, "has a UTC offset out of range");
    if (isdst > 1) return Bad(field, name, "has a daylight flag other than 0 or 1");
    if (desigidx >= h.charcnt) return Bad(field, name, "has a designation index out of range");
    o = static_cast<std::int32_t>(utoff);
  }
  r.Skip(h.charcnt + h.isstdcnt + h.isutcnt);  // leap records: none (refused above)
  Block out;
  out.initial_offset = offsets[0];
  for (std::size_t i = 0; i < times.size(); ++i)
    out.changes.push_back({times[i], offsets[indices[i]]});
  return out;
}

// POSIX TZ strings.
class TzParser {
 public:
  TzParser(std::string_view text, const std::string& field) : s_(text), field_(field) {}

  Result<PosixRule> Parse() {
    PosixRule rule;
    if (!Name()) return Fail("a standard time designation");
    auto std_offset = Offset();
    if (!std_offset) return Fail("the standard time offset");
    rule.std_offset = *std_offset;
    if (AtEnd()) return rule;
    if (!Name()) return Fail("a daylight time designation");
    rule.dst_offset = rule.std_offset + 3600;
    if (!AtEnd() && Peek() != ',') {
      auto dst = Offset();
      if (!dst) return Fail("the daylight time offset");
      rule.dst_offset = *dst;
    }
    if (AtEnd()) return Fail("the rules of daylight time (\",start,end\")");
    ++pos_;  // ','
    if (!DayRule(&rule.start)) return Fail("the start rule of daylight time");
    if (AtEnd() || Peek() != ',') return Fail("',' and the end rule of daylight time");
    ++pos_;
    if (!DayRule(&rule.end)) return Fail("the end rule of daylight time");
    if (!AtEnd()) return Fail("the end of the string");
    return rule;
  }

 private:
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return s_[pos_]; }
  static bool Alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
  static bool Digit(char c) { return c >= '0' && c <= '9'; }

  Error Fail(const std::string& expected) const {
    return Error::Invalid(field_,
                          field_ + ": the time zone's POSIX TZ string '" + std::string(s_) +
                              "' does not parse: expected " + expected + " at offset " +
                              std::to_string(pos_),
                          "bad_time_zone_file");
  }

  // <...> of letters, digits, '+' and '-', or three or more letters.
  bool Name() {
    const std::size_t start = pos_;
    if (!AtEnd() && Peek() == '<') {
      ++pos_;
      while (!AtEnd() && (Alpha(Peek()) || Digit(Peek()) || Peek() == '+' || Peek() == '-')) ++pos_;
      if (AtEnd() || Peek() != '>' || pos_ - start < 4) return false;
      ++pos_;
      return true;
    }
    while (!AtEnd() && Alpha(Peek())) ++pos_;
    return pos_ - start >= 3;
  }

  // [+-]hh[:mm[:ss]] with hh up to `max_hours`: seconds.
  std::optional<std::int32_t> Hms(int max_hours) {
    int sign = 1;
    if (!AtEnd() && (Peek() == '+' || Peek() == '-')) sign = Peek() == '-' ? -1 : 1, ++pos_;
    auto number = [this](int max_digits, int max) -> std::optional<int> {
      int v = 0, n = 0;
      while (!AtEnd() && Digit(Peek()) && n < max_digits) v = v * 10 + (Peek() - '0'), ++pos_, ++n;
      if (n == 0 || v > max) return std::nullopt;
      return v;
    };
    auto h = number(3, max_hours);
    if (!h) return std::nullopt;
    int total = *h * 3600;
    for (int unit : {60, 1}) {
      if (AtEnd() || Peek() != ':') break;
      ++pos_;
      auto part = number(2, 59);
      if (!part) return std::nullopt;
      total += *part * unit;
    }
    return sign * total;
  }

  // A POSIX offset is west-positive: UTC offset = -value.
  std::optional<std::int32_t> Offset() {
    auto v = Hms(24);
    if (!v) return std::nullopt;
    return -*v;
  }

  bool DayRule(PosixRule::Day* d) {
    auto number = [this](int max) -> std::optional<int> {
      int v = 0, n = 0;
      while (!AtEnd() && Digit(Peek()) && n < 3) v = v * 10 + (Peek() - '0'), ++pos_, ++n;
      if (n == 0 || v > max) return std::nullopt;
      return v;
    };
    auto dot = [this] {
      if (AtEnd() || Peek() != '.') return false;
      ++pos_;
      return true;
    };
    if (AtEnd()) return false;
    if (Peek() == 'J') {
      ++pos_;
      auto n = number(365);
      if (!n || *n < 1) return false;
      d->kind = PosixRule::Day::Kind::kJulian1;
      d->day = *n;
    } else if (Peek() == 'M') {
      ++pos_;
      auto m = number(12);
      if (!m || *m < 1 || !dot()) return false;
      auto w = number(5);
      if (!w || *w < 1 || !dot()) return false;
      auto wd = number(6);
      if (!wd) return false;
      d->kind = PosixRule::Day::Kind::kMonthWeekDay;
      d->month = *m, d->week = *w, d->weekday = *wd;
    } else {
      auto n = number(365);
      if (!n) return false;
      d->kind = PosixRule::Day::Kind::kJulian0;
      d->day = *n;
    }
    d->time = 7200;
    if (!AtEnd() && Peek() == '/') {
      ++pos_;
      auto t = Hms(167);
      if (!t) return false;
      d->time = *t;
    }
    return true;
  }

  std::string_view s_;
  const std::string& field_;
  std::size_t pos_ = 0;
};

}  // namespace

Result<PosixRule> ParsePosixTz(std::string_view text, const std::string& field) {
  return TzParser(text, field).Parse();
}

Result<TimeZone> ParseTzif(const std::string& name, std::string_view data,
                           const std::string& field) {
  Reader r(data);
  auto v1 = ReadHeader(r, name, field);
  if (!v1.ok()) return v1.error();
  if (v1->version == 0) {
    auto block = ReadBlock(r, *v1, 4, name, field);
    if (!block.ok()) return block.error();
    return TimeZone(name, block->initial_offset, std::move(block->changes), std::nullopt);
  }
  if (!r.Has(BlockBytes(*v1, 4))) return Bad(field, name, "is cut off in its version 1 data");
  r.Skip(BlockBytes(*v1, 4));
  auto v2 = ReadHeader(r, name, field);
  if (!v2.ok()) return v2.error();
  auto block = ReadBlock(r, *v2, 8, name, field);
  if (!block.ok()) return block.error();
  const std::string_view rest = r.rest();
  if (rest.empty() || rest[0] != '\n') return Bad(field, name, "has no footer");
  const std::size_t end = rest.find('\n', 1);
  if (end == std::string_view::npos) return Bad(field, name, "has a footer without its end");
  std::optional<PosixRule> footer;
  if (end > 1) {
    auto rule = ParsePosixTz(rest.substr(1, end - 1), field);
    if (!rule.ok()) {
      Error e = rule.error();
      e.message = field + ": the time zone file of '" + name + "' has a footer that" +
                  e.message.substr(e.message.find(" does not parse"));
      return e;
    }
    footer = *rule;
  }
  return TimeZone(name, block->initial_offset, std::move(block->changes), std::move(footer));
}

}  // namespace ordo::mis::calendar
