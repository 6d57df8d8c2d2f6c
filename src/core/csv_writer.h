// Writing CSV per RFC 4180: fields separated by commas, rows ended by LF (which every reader
// accepts); a field is quoted when it contains a comma, a quote, CR or LF, or starts
// or ends with a space, and quotes inside are doubled.
//
// Every CSV canje writes is opened in spreadsheets by people who did not write its contents
// (another party's list, say), so formulas are neutralised (OWASP, "CSV injection"): a field a
// spreadsheet would run — one starting with '=', '+', '-', '@', TAB or CR, unless it is a plain
// number such as -12 or +3.5 — is written with a leading apostrophe, which spreadsheets show as
// text. A field that is an apostrophe followed by such a field gets one more apostrophe, so that
// UnguardCsvField, which canje's CSV reader applies to every field, gives back the value
// exactly: export and import round-trip.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace canje {

// True when `field` would be written with a leading apostrophe (see above).
bool NeedsFormulaGuard(std::string_view field);
// The value a written field stands for: without the apostrophe the writer added.
std::string_view UnguardCsvField(std::string_view field);

// Appends `field` to `out`, neutralised and quoted if needed.
void AppendCsvField(std::string_view field, std::string& out);

// Appends the fields as one row ending in "\n".
void AppendCsvRow(const std::vector<std::string>& fields, std::string& out);

// Writes the fields as one row ending in "\n" to `out`.
void WriteCsvRow(const std::vector<std::string>& fields, std::ostream& out);

}  // namespace canje
