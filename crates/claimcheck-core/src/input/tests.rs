use super::*;

use InputFormat::{Html, Markdown, Text};

/// Map the first occurrence of `needle` in the plain text back to the source.
fn source_of<'d>(doc: &'d Document, needle: &str) -> &'d str {
    let Some(at) = doc.text().find(needle) else {
        panic!("{needle:?} not in text {:?}", doc.text());
    };
    &doc.source[doc.to_source(at..at + needle.len())]
}

#[test]
fn figures_map_back_to_their_source_bytes() {
    // (format, source, text to find, the source bytes it must map to)
    let cases: &[(InputFormat, &str, &str, &str)] = &[
        (Text, "Meta invested $14 billion.", "$14 billion", "$14 billion"),
        (Markdown, "Meta invested **$14 billion** in Scale AI.", "$14 billion", "$14 billion"),
        (Markdown, "# Revenue of $9.9 billion\n", "$9.9 billion", "$9.9 billion"),
        (Markdown, "- up *28%* year over year", "28%", "28%"),
        (Markdown, "| Year | Revenue |\n|---|---|\n| 2023 | $9.9bn |\n", "$9.9bn", "$9.9bn"),
        (Markdown, "AT&amp;T paid $85.4 billion", "AT&T", "AT&amp;T"),
        (Markdown, "Time&nbsp;Warner", "Time\u{a0}Warner", "Time&nbsp;Warner"),
        (Markdown, "paid $26.2\nbillion", "$26.2 billion", "$26.2\nbillion"),
        (Markdown, "paid $26.2\r\nbillion", "$26.2 billion", "$26.2\r\nbillion"),
        (Markdown, "\u{feff}# 2023\n\nRevenue rose 16%.", "16%", "16%"),
        (
            Markdown,
            "[WhatsApp](https://example.com/2014/19bn) cost $19 billion",
            "$19 billion",
            "$19 billion",
        ),
        (Markdown, "A \\$5 fee", "$5 fee", "$5 fee"),
        (Markdown, "营收增长 16%，达到 ¥1,349亿 🚀", "¥1,349亿", "¥1,349亿"),
        (Html, "<p>Exxon paid <b>$85.4 billion</b>.</p>", "$85.4 billion", "$85.4 billion"),
        (Html, "<p>Time&nbsp;Warner</p>", "Time Warner", "Time&nbsp;Warner"),
        (Html, "<p>AT&amp;T paid $85&#46;4 billion</p>", "AT&T", "AT&amp;T"),
        (Html, "<p>It&#8217;s $5</p>", "It\u{2019}s $5", "It&#8217;s $5"),
        (Html, "<p>$85.4 billion</p>", "$85.4 billion", "$85.4 billion"),
        (Html, "<p>paid $26.2\r\nbillion</p>", "$26.2 billion", "$26.2\r\nbillion"),
        (Html, "\u{feff}<p>rose 16%</p>", "16%", "16%"),
        (Html, "<p>营收增长 16%，达到 ¥1,349亿 🚀</p>", "¥1,349亿", "¥1,349亿"),
        (Html, "<table><tr><td>2023</td><td>$9.9bn</td></tr></table>", "$9.9bn", "$9.9bn"),
        (
            Markdown,
            "Intro.\n\n<p align=\"center\">Revenue: <b>$9.9&nbsp;bn</b></p>\n\nEnd.",
            "$9.9 bn",
            "$9.9&nbsp;bn",
        ),
    ];
    for &(format, source, needle, want) in cases {
        let doc = Document::new("t", source, format);
        assert_eq!(source_of(&doc, needle), want, "{format:?} {source:?}");
    }
}

#[test]
fn exact_figures_are_exact() {
    let doc = Document::new("t", "Meta paid **$14 billion**.", Markdown);
    assert_eq!(doc.text(), "Meta paid $14 billion.\n");
    let at = doc.text().find('$').expect("figure in text");
    assert!(doc.is_exact(at..at + 11));
    assert_eq!(doc.to_source(at..at + 11), 12..23);
}

#[test]
fn hidden_content_is_skipped() {
    // (format, source, text that must not be scanned)
    let cases: &[(InputFormat, &str, &str)] = &[
        (Markdown, "Intro.\n\n```\nlet x = 2023;\n```\n", "2023"),
        (Markdown, "Intro.\n\n    indented 2023 code\n", "2023"),
        (Markdown, "Use `v2.0.1` now", "2.0.1"),
        (Markdown, "[story](https://example.com/2014/19bn)", "2014"),
        (Markdown, "<https://example.com/2014/>", "2014"),
        (Markdown, "![chart of $5 growth](img/2023.png)", "$5"),
        (Markdown, "<!-- draft: $9 billion -->\nText", "$9"),
        (Markdown, "Text\n\n<script>\nvar x = '$9 billion';\n</script>\n", "$9"),
        (Markdown, "<div title=\"$9 billion\">\n\nText\n\n</div>\n", "$9"),
        (Markdown, "---\ndate: 2024-03-05\ntitle: x\n---\n# Title\n", "2024"),
        (Html, "<p>a</p><script>var x = '$9 billion';</script>", "$9"),
        (Html, "<style>.a{width:50%}</style><p>a</p>", "50%"),
        (Html, "<noscript>Enable JS 2023</noscript><p>a</p>", "2023"),
        (Html, "<template><p>$3 billion</p></template><p>a</p>", "$3"),
        (Html, "<head><title>2023 results</title></head><body>a</body>", "2023"),
        (Html, "<p title=\"$7 billion\">a</p><!-- $8 billion -->", "billion"),
        (Html, "<svg><text>2019</text></svg><p>a</p>", "2019"),
    ];
    for &(format, source, hidden) in cases {
        let doc = Document::new("t", source, format);
        assert!(!doc.text().contains(hidden), "{format:?} {source:?} gave {:?}", doc.text());
    }
}

#[test]
fn blocks_do_not_run_together() {
    let cases: &[(InputFormat, &str, &str)] = &[
        (Markdown, "# Title\nFirst para.\n\nSecond.", "Title\nFirst para.\nSecond."),
        (Markdown, "- one\n- two\n  - three", "one\ntwo\nthree"),
        (Markdown, "a\nb  \nc", "a b\nc"),
        (Markdown, "| a | b |\n|---|---|\n| 1 | 2 |", "a\tb\n1\t2"),
        (
            Markdown,
            "One.\n\n<div>\n<p>Two &amp; <b>three</b>.</p><style>p{}</style><p>Four.</p>\n</div>\n",
            "One.\nTwo & three.\nFour.",
        ),
        (Markdown, "<table><tr><td>2023</td><td title='a>b'>$9.9bn</td></tr></table>", "2023\t$9.9bn"),
        (Html, "<h1>Title</h1><p>One.</p><p>Two.</p>", "Title\nOne.\nTwo."),
        (Html, "<ul><li>one<li>two</ul>", "one\ntwo"),
        (Html, "<p>a<br>b</p>", "a\nb"),
        (Html, "<p>a\n   b</p>\n\n<p>c</p>", "a    b\nc"),
        (Html, "<b>a</b> <i>b</i>", "a b"),
    ];
    for &(format, source, want) in cases {
        let doc = Document::new("t", source, format);
        assert_eq!(doc.text().trim(), want, "{format:?} {source:?}");
    }
}

#[test]
fn published_date() {
    let cases: &[(InputFormat, &str, Option<&str>)] = &[
        (Html, r#"<p>By x · <time datetime="2023-11-30">Nov 30</time></p>"#, Some("2023-11-30")),
        (
            Html,
            r#"<meta property="article:published_time" content="2024-01-02T10:00:00Z">"#,
            Some("2024-01-02T10:00:00Z"),
        ),
        (Html, "<p>no date</p>", None),
        (Markdown, "---\ntitle: x\ndate: \"2024-03-05\"\n---\nText", Some("2024-03-05")),
        (Markdown, "Text", None),
        (Text, "date: 2024-03-05", None),
    ];
    for &(format, source, want) in cases {
        assert_eq!(Document::new("t", source, format).published(), want, "{source:?}");
    }
}

#[test]
fn ranges_across_segments_and_at_the_ends() {
    let doc = Document::new("t", "**a** &amp; *b*", Markdown);
    assert_eq!(doc.text(), "a & b\n");
    assert_eq!(&doc.source[doc.to_source(0..5)], "a** &amp; *b");
    assert_eq!(doc.to_source(0..0), 2..2);
    assert_eq!(doc.to_source(4..5), 13..14);
    assert_eq!(doc.to_source(5..5), 15..15);
    let end = doc.text().len();
    // Out of range never panics.
    let r = doc.to_source(end + 5..end + 9);
    assert!(r.start <= r.end && r.end <= doc.source.len());
}

#[test]
fn verify_dev_style_articles() {
    let md = "# Amazon\n\n*Published 2024-03-05 · 4 min read*\n\n- **Whole Foods Market (2017):** $13.7 billion, announced on June 16.\n";
    let doc = Document::new("a.md", md, Markdown);
    assert_eq!(
        doc.text(),
        "Amazon\nPublished 2024-03-05 · 4 min read\nWhole Foods Market (2017): $13.7 billion, announced on June 16.\n"
    );
    assert_eq!(
        source_of(&doc, "$13.7 billion, announced on June 16."),
        "$13.7 billion, announced on June 16."
    );
}

#[test]
fn html_text_with_nul_cr_and_broken_markup() {
    // (source, expected text)
    let cases: &[(&str, &str)] = &[
        ("<p>a\u{0}b</p>", "a\u{0}b\n"),
        ("<p>a\rb</p>", "a b\n"),
        ("<p>5 < 6 & 7 > 2</p>", "5 < 6 & 7 > 2\n"),
        ("<p>&unknown; &amp</p>", "&unknown; &amp\n"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<p>&#128640; &#x1F680;</p>", "\u{1F680} \u{1F680}\n"),
    ];
    for &(source, want) in cases {
        let doc = Document::new("t", source, Html);
        assert_eq!(doc.text(), want, "{source:?}");
    }
}

#[test]
fn html_tags_are_read_in_any_case() {
    // (source, expected text, expected date)
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("<P>a</P><DIV>b</DIV>", "a\nb\n", None),
        ("<TABLE><TR><TD>1<TH>2</TABLE>", "1\t2\n", None),
        ("<p>a<BR>b<Br/>c</p>", "a\nb\nc\n", None),
        ("<SVG><text>2019</text></SVG><Template>$3</Template><p>a</p>", "a\n", None),
        (r#"<TIME DATETIME=" 2023-11-30 ">Nov 30</TIME>"#, "Nov 30", Some("2023-11-30")),
        (r#"<META PROPERTY="article:published_time" CONTENT="2024-01-02">"#, "", Some("2024-01-02")),
        // Attribute values compare case-sensitively, like the CSS selector they replace.
        (r#"<meta name="Article:Published_Time" content="2024-01-02">"#, "", None),
        // The first dated `<time>` wins over a later one and over any meta tag.
        (
            r#"<meta name="article:published_time" content="2024"><time>x</time><time datetime="2023">y</time><time datetime="2022">z</time>"#,
            "xyz",
            Some("2023"),
        ),
    ];
    for &(source, want, date) in cases {
        let doc = Document::new("t", source, Html);
        assert_eq!((doc.text(), doc.published()), (want, date), "{source:?}");
    }
}

#[test]
fn html_nesting_edge_cases() {
    // (source, expected text)
    let cases: &[(&str, &str)] = &[
        // Breaks inside a hidden element are hidden too.
        ("<div>a<template><p>$1</p><svg><math>2</math></svg>3</template>b</div>", "ab\n"),
        ("<svg><svg>x</svg>y</svg><p>z</p>", "z\n"),
        ("<p>a<svg/>b</p>", "ab\n"),
        ("<ul><li>one<li>two</ul><p>unclosed <b>three", "one\ntwo\nunclosed three"),
        ("<p>&euro;5 &#8364;6 &#x20AC;7 AT&amp;T&nbsp;Inc</p>", "€5 €6 €7 AT&T Inc\n"),
        ("<blockquote><figcaption>c</figcaption></blockquote><figcaptions>d</figcaptions>", "c\nd"),
    ];
    for &(source, want) in cases {
        assert_eq!(Document::new("t", source, Html).text(), want, "{source:?}");
    }
}

proptest::proptest! {
    /// Tag soup from pieces that matter to the HTML front end: whatever the
    /// order, conversion does not panic (nor trip its debug checks) and every
    /// exact piece of text is a copy of the source bytes it maps to.
    #[test]
    fn html_tag_soup_maps_back_to_its_source(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "<p>", "</p>", "<P class=x>", "<div>", "</DIV>", "<br>", "<BR/>", "<td>", "<TH>", "<tr>",
                "</tr>", "<svg>", "</svg>", "<svg/>", "<template>", "</template>", "<math>", "</math>",
                "<time datetime='2023'>", "</time>", "<meta name=article:published_time content=x>",
                "<b>", "</b>", "<!-- $9 -->", "<script>$9</script>", "<p\tid=a>", "<li", ">", "</",
                "&amp;", "&nbsp;", "&#8364;", "&bogus;", "&", "$14.5 billion", "é日", " ", "\r\n", "\n",
            ]),
            0..40,
        )
    ) {
        let source = pieces.concat();
        let doc = Document::new("t", source.as_str(), Html);
        for seg in doc.segments.iter().filter(|s| s.exact) {
            proptest::prop_assert_eq!(&doc.text()[seg.plain.clone()], &doc.source[seg.source.clone()]);
        }
        let r = doc.to_source(0..doc.text().len());
        proptest::prop_assert!(r.start <= r.end && r.end <= doc.source.len());
    }
}

#[test]
fn tag_roles() {
    use super::html::{Role, role};
    let cases: &[(&[u8], Role)] = &[
        (b"p", Role::Block),
        (b"FigCaption", Role::Block),
        (b"figcaptions", Role::Inline),
        (b"td", Role::Cell),
        (b"TEMPLATE", Role::Hidden),
        (b"time", Role::Time),
        (b"meta", Role::Meta),
        (b"span", Role::Inline),
        (b"", Role::Inline),
    ];
    for &(name, want) in cases {
        assert_eq!(role(name), want, "{:?}", String::from_utf8_lossy(name));
    }
}

/// What an entity decoded to before the common ones had a fast path: the
/// whole candidate through `html_escape`, no-break spaces made plain.
fn entity_by_html_escape(candidate: &str) -> Option<String> {
    let decoded = html_escape::decode_html_entities(candidate);
    (decoded != candidate).then(|| decoded.replace('\u{a0}', " "))
}

fn entity_of(candidate: &str) -> Option<String> {
    let mut scratch = String::new();
    super::html::entity(candidate, 0, candidate.len(), &mut scratch).map(|(end, decoded)| {
        assert_eq!(end, candidate.len(), "{candidate:?}");
        decoded.to_owned()
    })
}

#[test]
fn entities_decode_as_html_escape_does() {
    let candidates = [
        "&nbsp;",
        "&amp;",
        "&quot;",
        "&lt;",
        "&gt;",
        "&middot;",
        "&#8217;",
        "&rsquo;",
        "&mdash;",
        "&ndash;",
        "&euro;",
        "&#8364;",
        "&#x20AC;",
        "&#X20ac;",
        "&#160;",
        "&#xA0;",
        "&NotEqualTilde;",
        "&bogus;",
        "&#0;",
        "&#1;",
        "&#9;",
        "&#xD800;",
        "&#x110000;",
        "&#99999999999;",
        "&AMP;",
        "&Amp;",
    ];
    for candidate in candidates {
        assert_eq!(entity_of(candidate), entity_by_html_escape(candidate), "{candidate:?}");
    }
}

proptest::proptest! {
    #[test]
    fn any_entity_decodes_as_html_escape_does(candidate in "&(#[xX]?)?[0-9a-fA-FxXnbspamt]{1,9};") {
        proptest::prop_assert_eq!(entity_of(&candidate), entity_by_html_escape(&candidate));
    }
}
