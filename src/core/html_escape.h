// HTML escaping for pages built as text (the recall report, the batch record): a value
// put between tags or inside a quoted attribute this way cannot open a tag, close the
// attribute or start a character reference.
#pragma once

#include <string>

namespace ordo {

// `text` with & < > " ' replaced by &amp; &lt; &gt; &quot; &#39;; every other byte, UTF-8
// included, as it is.
std::string HtmlEscape(const std::string& text);

}  // namespace ordo
