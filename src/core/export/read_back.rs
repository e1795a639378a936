//! Readers for the tests, written apart from the writers: a zip reader that
//! checks every header and CRC, and a strict little XML parser that refuses
//! what is not well-formed (unbalanced tags, a bare `&` or `<` in text,
//! unknown entities, more than one root).

use super::zip::crc32;

/// The entries of a zip: name → data, read through the central directory
/// and checked against the local headers and CRCs.
pub(crate) fn unzip(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([zip[at], zip[at + 1]]));
    let u32_at = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap());
    let end = zip.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
    let count = u16_at(end + 10);
    let mut at = u32_at(end + 16) as usize;
    let mut entries = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50);
        assert_eq!(u16_at(at + 10), 0, "stored");
        let crc = u32_at(at + 16);
        let size = u32_at(at + 20) as usize;
        assert_eq!(u32_at(at + 24) as usize, size);
        let name_len = u16_at(at + 28);
        let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let local = u32_at(at + 42) as usize;
        assert_eq!(u32_at(local), 0x0403_4b50);
        assert_eq!(
            zip[local + 4..local + 30],
            zip[at + 6..at + 32],
            "headers agree"
        );
        let data = &zip[local + 30 + name_len..local + 30 + name_len + size];
        assert_eq!(crc32(data), crc, "{name}");
        entries.push((name, data.to_vec()));
        at += 46 + name_len;
    }
    assert_eq!(at, end, "central directory fills the space before its end");
    entries
}

/// The text of the entry `name`.
pub(crate) fn part(entries: &[(String, Vec<u8>)], name: &str) -> String {
    let data = &entries.iter().find(|(n, _)| n == name).expect(name).1;
    String::from_utf8(data.clone()).expect("text in UTF-8")
}

/// An element with its attributes and children, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Descendants named `name`, in document order, not looking inside a match.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            } else {
                e.find_all(name, out);
            }
        }
    }

    pub fn first(&self, name: &str) -> Option<&Element> {
        let mut all = Vec::new();
        self.find_all(name, &mut all);
        all.first().copied()
    }
}

/// The root element of `xml`, after an optional declaration; panics where
/// the text is not well-formed.
pub(crate) fn parse_xml(xml: &str) -> Element {
    let mut rest = xml;
    if rest.starts_with("<?xml") {
        let end = rest.find("?>").expect("declaration closes");
        rest = &rest[end + 2..];
    }
    rest = rest.trim_start();
    let (root, after) = element(rest);
    assert!(after.trim().is_empty(), "one root element: {after:.40}");
    root
}

fn element(xml: &str) -> (Element, &str) {
    let xml = xml.strip_prefix('<').expect("an element starts with <");
    let end = xml.find('>').expect("the start tag closes");
    let (tag, empty) = match xml[..end].strip_suffix('/') {
        Some(tag) => (tag, true),
        None => (&xml[..end], false),
    };
    let mut rest = &xml[end + 1..];
    let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
    assert!(is_name(name), "element name {name:?}");
    let mut attributes = Vec::new();
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            break;
        }
        let (attr, value) = attrs.split_once("=\"").expect("attribute=\"value\"");
        let close = value.find('"').expect("attribute value closes");
        assert!(is_name(attr), "attribute name {attr:?}");
        assert!(
            !attributes.iter().any(|(n, _)| n == attr),
            "attribute {attr} twice"
        );
        attributes.push((attr.to_owned(), unescape(&value[..close])));
        attrs = &value[close + 1..];
    }
    let mut children = Vec::new();
    if !empty {
        loop {
            let lt = rest.find('<').expect("the element closes");
            if lt > 0 {
                children.push(Node::Text(unescape(&rest[..lt])));
            }
            rest = &rest[lt..];
            if let Some(after) = rest.strip_prefix("</") {
                let close = after.find('>').expect("the end tag closes");
                assert_eq!(&after[..close], name, "end tag matches");
                rest = &after[close + 1..];
                break;
            }
            let (child, after) = element(rest);
            children.push(Node::Element(child));
            rest = after;
        }
    }
    (
        Element {
            name: name.to_owned(),
            attributes,
            children,
        },
        rest,
    )
}

fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.'))
}

fn unescape(text: &str) -> String {
    assert!(!text.contains('<'), "a bare < in {text:?}");
    let mut out = String::new();
    let mut parts = text.split('&');
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        let (entity, after) = part.split_once(';').expect("an entity ends with ;");
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = entity.strip_prefix('#').expect("a known entity");
                char::from_u32(code.parse().expect("a decimal reference")).unwrap()
            }
        };
        out.push(c);
        out.push_str(after);
    }
    out
}

/// A DOCX read back: every part parsed, and the document's body.
pub(crate) fn docx_body(docx: &[u8]) -> Element {
    let entries = unzip(docx);
    for (name, data) in &entries {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let xml = std::str::from_utf8(data).expect("XML in UTF-8");
            assert!(xml.starts_with("<?xml "), "{name}");
            parse_xml(xml);
        }
    }
    let root = parse_xml(&part(&entries, "word/document.xml"));
    assert_eq!(root.name, "w:document");
    root.first("w:body").expect("w:body").clone()
}

/// What a reader sees of a body's block: a paragraph's style and text (line
/// breaks as `\n`, a page break as `\f`), or a table's rows of cell texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seen {
    Paragraph(Option<String>, String),
    Table(Vec<Vec<String>>),
}

/// A paragraph that starts a new page (`w:pageBreakBefore`) is seen after
/// a page break of its own, as the break paragraph Word writes would be.
pub(crate) fn seen(body: &Element) -> Vec<Seen> {
    body.elements()
        .flat_map(|e| {
            let new_page = e.name == "w:p" && e.first("w:pageBreakBefore").is_some();
            let page = new_page.then(|| Seen::Paragraph(None, "\u{C}".to_owned()));
            page.into_iter().chain(seen_block(e))
        })
        .collect()
}

fn seen_block(e: &Element) -> Option<Seen> {
    match e.name.as_str() {
        "w:p" => Some(Seen::Paragraph(
            e.first("w:pStyle")
                .and_then(|s| s.attribute("w:val"))
                .map(str::to_owned),
            text_of(e),
        )),
        "w:tbl" => Some(Seen::Table(
            e.elements()
                .filter(|r| r.name == "w:tr")
                .map(|r| {
                    r.elements()
                        .filter(|c| c.name == "w:tc")
                        .map(text_of)
                        .collect()
                })
                .collect(),
        )),
        _ => None,
    }
}

fn text_of(e: &Element) -> String {
    let mut out = String::new();
    for child in e.elements() {
        match child.name.as_str() {
            "w:t" => child.children.iter().for_each(|c| {
                if let Node::Text(t) = c {
                    out.push_str(t);
                }
            }),
            "w:br" if child.attribute("w:type") == Some("page") => out.push('\u{C}'),
            "w:br" => out.push('\n'),
            _ => out.push_str(&text_of(child)),
        }
    }
    out
}
