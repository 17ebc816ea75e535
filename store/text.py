"""Cleaning and sentence splitting: which parts of an article are reporting, and where its sentences lie.

Nothing here changes the text: furniture and sentences are spans over the text
as stored, so every offset shown or exported points at the article itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (MONTH_NUMBERS, WEEKDAY_ABBREVIATIONS, WEEKDAYS, first_names, is_common_word, is_demonym,
                      place_kind, word_stats)
from .model import Furniture, Sentence

_LINE = re.compile(r"[^\n]+")

# Image tags (namespaced ones too: "<ns:image>"), Markdown images and data URIs.
_IMAGE = re.compile(
    r"<((?:[\w-]+:)?(?:image|img|figure|picture|video|iframe|svg))\b[^>]*>.*?</\1>"
    r"|<(?:[\w-]+:)?(?:img|image|source|br|hr)\b[^>]*/?>"
    r"|!\[[^\]]*\]\([^)]*\)|\bdata:[\w/+.\-]+[;,][^\s<>]*",
    re.I | re.S)
# ("More: …", "MORE: …", "More On This... …", "RELATED VIDEO: …")
_RELATED = re.compile(
    r"^\s*(?:see also|read also|also read|read more|read or share this story|read|more on this|more from|more"
    r"|see more(?: on)?|see full (?:web )?(?:article|story)"
    r"|related(?: coverage| articles| stories| content| videos?)?"
    r"|recommended(?: reading)?|you may also like|(?:now |must )?watch|listen|most read|trending|further reading"
    r"|photos|slideshow|quiz|full coverage)\s*(?:[:\-–—]|\.{3}|…)",
    re.I)
_RELATED_ONLY = re.compile(
    r"^\s*(?:see also|read also|also read|read more|more on this( story)?|see full (?:web )?(?:article|story)"
    r"|related(?: coverage| articles| stories| content| videos?| stories and posts)?"
    r"|recommended(?: reading)?|you may also like|most read|trending|further reading"
    # (an article's tags: "Suggested Topics:", "Topics:", "Filed under:", "Explore more on these topics")
    r"|suggested topics|topics|tags|filed under|explore more on these topics|more about)\s*(?:[:\-–—]|\.{3}|…)?\s*$",
    re.I)
# A page's share buttons, one to a line: "Share", "Facebook", "Twitter", "Email", "Copy link"
# ("LISTEN TO ARTICLE 2:40 SHARE THIS ARTICLE Share Tweet Post Email")
_SHARE_BAR = re.compile(r"^\s*(?:read more opinion\s+)?(?:listen to (?:this )?article\s+\d+:\d+\s+)?"
                        r"share this (?:article|story)(?:\s+(?:share|tweet|post|email|facebook|twitter|linkedin|print))+\s*$", re.I)
_SHARE_BUTTON = re.compile(r"^\s*(?:share(?: on| via)?\s+)?(?:facebook|twitter|x|email|e-mail|whatsapp|linkedin|reddit"
                           r"|telegram|pinterest|flipboard|copy link|print|messenger|bluesky|threads)\s*$", re.I)
# "Related 10 facts that explain how America regulates abortion", "Related Coverage Can Saudi Arabia pump more oil?":
# a link's label run into its headline (not "Related to this, ...", nor "Related Companies said ...")
_RELATED_BARE = re.compile(r"^\s*(?:Related|RELATED)(?: Coverage| Articles| Stories| Content| Videos?)?\s+"
                           r"(?=[A-Z0-9\"“‘'])")
# A picture's caption and credit as pages print them: "Image copyright AP Image caption ...", "Enlarge this image
# toggle caption ...", "Photo: ...". And the lines a page puts between paragraphs: "Advertisement", "Continue reading
# the main story", "Story continues below advertisement".
_CAPTION = re.compile(
    r"^\s*(?:image (?:copyright|caption|source)\b|enlarge this image\b|toggle caption\b|hide caption\b"
    r"|\(?(?:file )?(?:photo|picture|image|caption|credit)\s*:|(?:photo(?:graph)?(?: illustration)?|illustration) by\b"
    r"|view (?:photo )?gallery\b|photographer\s*:|media playback is unsupported on your device\b"
    r"|(?:next|prev|previous)\s+image \d+ of \d+\s*$"
    r"|\|\s*(?:AP Photos?|Getty Images|Getty)\b|AP Photos?\b)", re.I)
# A credit that begins a caption: "Stephanie Keith / Getty Images Lev Parnas arrives at Federal Court …" (not
# "WASHINGTON — Reuters reported …")
# (the agency in any case, "LARRY DOWNING/REUTERS/FILE", after a capital)
_CREDIT_START = re.compile(r"^\s*(?-i:[A-Z])[^.\n]{2,80}?(?:\s*/\s*(?:Getty Images|AFP|Reuters)\b|\s*[—–]\s*Getty "
                           r"Images\b)", re.I)
_BETWEEN = re.compile(
    r"^\s*(?:advertisement\s*)?(?:continue reading(?: the main story| below)?|story continues below(?: advertisement)?"
    r"|advertisement|supported by)\s*$"
    # ("Advertisement · Scroll to continue", "Report this ad", "SKIP ADVERTISEMENT", "Share full article")
    r"|^\s*(?:advertisement\s*[·•|:\-–—]?\s*)?scroll to continue(?: with content)?\s*$"
    r"|^\s*(?:report this ad|skip advertisement|ad feedback|share (?:full |this )?(?:article|story|page))\s*$"
    # ("Scroll down for video", "Share or comment on this article:", "Story Continued Below", "Slideshow (2 Images)")
    r"|^\s*(?:scroll down for (?:video|more)|share or comment on this (?:article|story)|story continued below"
    r"|slideshow\s*\(\d+ images?\))\s*:?\s*$", re.I)
# A picture's credit ending a line of caption: "... in a tweet thread. PRAKASH SINGH/AFP/Getty Images", "(Photo: STR,
# AFP/Getty Images)", "... McAllen, Texas. Photograph: Handout/AFP/Getty Images".
_CREDIT_END = re.compile(
    r"(?:\b(?:Photograph|Photo|Illustration|Image|Credit)\s*:\s*[^.:]{2,80}|\bGetty Images|/(?:AP|AFP|EPA|Reuters)"
    r"|\bAP Photo\b[^.]{0,60}|\bShutterstock|\s\|\s*Getty|\bPhoto (?:by|courtesy of) [A-Z][^.]{2,60}"
    r"|\bvia (?:AP|Getty Images|Reuters|AFP))\)?(?:,\s*FILE)?\s*$")
# Words one of which every line _CREDIT_END matches holds
_CREDIT_WORDS = ("Photo", "Illustration", "Image", "Credit", "Getty", "/AP", "/AFP", "/EPA", "/Reuters", "Shutterstock",
                 "via ")
# An agency's credit in a caption's own words at the end of a line, of a caption up to 80 words long: "… in Denver,
# Colorado, on April 19, 2020. Photo: Jason Connolly/AFP via Getty Images" (not a long explainer box that ends in its
# picture's credit)
_AGENCIES = ("Getty Images", "AFP", "AP", "Reuters", "EPA")
_AGENCY_CREDIT_END = re.compile(r"\b(?:Photograph|Photo|Credit)\s*:\s*[^.:]{2,60}\b(?:Getty Images|AFP|AP|Reuters|EPA)"
                                r"\s*$")
# A credit and another article's teaser run into a paragraph after a pipe, as some pages print a related story: "…
# said to resounding applause. | Mandel Ngan/AFP/Getty Images Trump vilifies 'dishonest' press at Michigan rally …"
_PIPE_TEASER = re.compile(r"\s\|\s+[^|\n]{0,60}?(?:Getty Images|AP Photo|/AP\b|/AFP\b|/Reuters\b)[^\n]*$")
# A caption of any length that ends in its agency's credit, or that begins as the AP's do: "... in El Paso, Texas.
# (AP Photo/Evan Vucci)", "(Reuters photo: Mike Segar)", "FILE - In this Jan. 4, 2020, file photo ...".
_PAREN_CREDIT = re.compile(r"\((?:AP|Reuters|AFP|EPA|Getty|Photo|Credit|Image|Illustration)\b[^()]{0,80}\)\s*$"
                           r"|\([^()]{0,60}/\s*(?:Getty Images|AP|AFP|EPA|Reuters)(?: Images| Photo)?\)\s*$", re.I)
_FILE_PHOTO = re.compile(r"^\s*FILE\s*[-–—]+\s*(?:In this|This)\b.{0,80}\bphoto\b")
# A gallery's or a video player's text scraped into a paragraph: "Hide Caption 15 of 21 Photos: ...", "JUST WATCHED ...
# Replay More Videos ... MUST WATCH ...".
_GALLERY = re.compile(r"\bHide Caption \d+ of \d+\b|\bReplay More Videos\b")
# A link to another article set in a paragraph, which a scraper ran into the text around it, labelled in capitals:
# "... hosted since March. (RELATED: President Trump Delays Oklahoma Rally) Trump said ..."
_INLINE_LINK = re.compile(r"[\[(]\s*(?:RELATED|READ MORE|SEE ALSO|ALSO READ|READ|WATCH|NOW WATCH|MORE)\s*:"
                          r"[^\])\n]{1,200}[\])]")
# An embedded post's signature, which says whose post the words before it are: "… pic.twitter.com/x — Donald J. Trump
# (@realDonaldTrump) February 12, 2020"
TWEET_SIGNATURE = re.compile(r"[—–]\s*(?P<name>[^\s()—–][^()\n—–]{0,60}?)\s*\(@\w{1,15}\)"
                             r"(?:\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?")
# An embedded Instagram post's signature: "A photo posted by Kumar Swastik (@kswastik) on Dec 31, 2016 at 9:51am PST"
_INSTAGRAM_SIGNATURE = re.compile(r"\bA (?:photo|video|post) (?:posted|shared) by (?P<name>[^\s()][^()\n]{0,60}?)\s*"
                                  r"\(@[\w.]{1,30}\)(?:\s+on\s+[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}"
                                  r"(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]m(?:\s+[A-Z]{2,4})?)?)?")


def post_signatures(text: str) -> list[re.Match]:
    """The signatures of the posts (tweets, Instagram posts) embedded in a text, in order; each names its author in
    the group "name"."""
    if "(@" not in text:
        return []
    return sorted([*TWEET_SIGNATURE.finditer(text), *_INSTAGRAM_SIGNATURE.finditer(text)], key=lambda m: m.start())


# A link to another article, gallery or player in brackets, on a line of its own: "(RELATED: ...)", "( WATCH:
# ...)", "[Read: ...]", "( PHOTOS: Republicans, 2016 contenders)", "( QUIZ: ...)".
_BRACKET_LINK = re.compile(
    r"^\s*[\[(]\s*(?:related|read more|see also|see related|read|watch|listen|more|photos?|pictures|slideshow|video|"
    r"videos|audio|podcast|quiz|poll|cartoons?|graphic|infographic|timeline|map|document|transcript|gif)\s*:"
    r"[^\])]*[\])]\s*$", re.I)
# "Can the US break its cycle of gun control failure? Read more", "Read more from Reality Check": a link to another
# article.
_READ_MORE_END = re.compile(r"(?:^|[\s.?!:|–—-])(?:Read more|Read More|READ MORE|Read the full story|Full story)"
                            r"\s*[.»›>]*\s*$")
_READ_MORE_START = re.compile(r"^\s*Read (?:more|More)\b")
# An author's note: "Follow him on Twitter @x".
# (it begins the line or names a handle or an address: "Trump urged them to follow him on Twitter" is reporting)
# ("Follow Paul Steinhauser on Twitter: @x", "- Follow the Ticker on Twitter: @x", "Follow @x Follow @y", "Reach him on
# Twitter @x", "can be found on Twitter @x")
_FOLLOW = re.compile(r"\bfollow (?:him|her|them|me|us|@\w+"
                     r"|(?:the )?(?-i:[A-Z][\w.'’\-]*)(?: (?-i:[A-Z][\w.'’\-]*)){0,3})"
                     r"\b.{0,40}\b(?:twitter|facebook|instagram|threads)\b"
                     r"|\bfollow (?:him|her|them|me|us) (?:at|on) @|^\s*(?:follow @\w+\s*)+$"
                     r"|\b(?:reach|find|found)\b.{0,40}\bon twitter\b[:,]?\s*(?:at\s+)?@\w", re.I)
_FOLLOW_START = re.compile(r"^\s*(?:you can )?follow\b", re.I)
# (or after an invitation to keep up: "The news moves fast. To stay updated, follow Aaron Rupar on Twitter, …")
_STAY_UPDATED = re.compile(r"\bto stay (?:updated|up to date|informed|in the loop), follow\b", re.I)
# A video player's label before its caption: "CLOSE A trade expert from Northwestern University says …"
_VIDEO_CLOSE = re.compile(r"CLOSE (?=[A-Z][a-z])")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*▪►»]|\d+[.)])\s+\S")
_AUDIO = re.compile(r"^\s*(?:audio(?: report)?\s*:|listen to (?:this|the) (?:article|story)|.*\bread by (?:ai|an ai)\b"
                    r"|(?:new\s*)?you can now listen to\b)", re.I)
_STAMP = re.compile(
    r"^\s*(?:published|updated|posted|first published|last updated|last modified|modified|date)\s*(?::|on\b)\s*(?P<date>.{3,60}?)\s*$",
    re.I)
# Where to write to a reporter or the outlet: "Write to Sadie Gurman at sadie.gurman@wsj.com, …", "He can be reached
# at …", "For licensing opportunities of our original content, please contact licensing@…"
# ("Do you have a tip …? Let us know via worldnews@newsweek.com.")
_CONTACT = re.compile(r"\b(?:write to|e-?mail|contact|reach(?:ed)?|message|let us know)\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\[email\s*(?:&#160;)?protected\]", re.I)
_BYLINE = re.compile(r"^\s*(?:(?:[Pp]osted|[Ww]ritten|[Pp]roduced) by|by|By|BY):?\s+(?P<name>[A-Z][^\n]{1,80})$")
# A byline that places its reporter, near the top: "Bethan McKernan in Jerusalem", "Julian Borger in Washington and
# Andrew Roth in Moscow"
_NAME_IN_PLACE = re.compile(r"^\s*(?P<name>(?:[A-Z][\w'’.\-]*\s+){1,2}[A-Z][\w'’.\-]*)\s+in\s+[A-Z][\w'’.\-]*"
                            r"(?:\s+[A-Z][\w'’.\-]*)?(?:\s+and\s+(?:[A-Z][\w'’.\-]*\s+){1,2}[A-Z][\w'’.\-]*\s+in\s+"
                            r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)?)?\s*$")
_DASHED = re.compile(r"\s+[-–—|]\s+")
_SUFFIX_COMMA = re.compile(r",\s+(?!(?:Jr|Sr|II|III|IV)\b)")
_FOR_OUTLET = re.compile(r"\s+(?:for|FOR)\s+(?:the\s+|THE\s+)?[A-Z].*$")
BYLINE_LINES = 6            # a byline is among an article's first lines
# "3 min read", "5-minute read"
_READING_TIME = re.compile(r"^\s*\d{1,3}\s*-?\s*(?:min|mins|minute|minutes)\.?\s+read\s*$", re.I)
# A reporter's role, on the line under the byline: "Security & Defense Reporter", "White House Correspondent"
_ROLE = re.compile(r"^\s*(?:(?:[A-Z][\w'’.\-]*|&|and|of|for|the|on)\s+){0,5}(?:Reporter|Correspondent|Editor|Writer"
                   r"|Columnist|Contributor|Producer|Analyst|Journalist)s?\s*$")
_CAPS_NAME = re.compile(r"^\s*[-•*]?\s*(?P<name>[A-Z][A-Z'’.\- ]{2,40}[A-Z])\s*$")
_CREDIT = re.compile(
    r"^\s*(?:with the [A-Z][\w .&'’-]{2,60}|\(?(?:reporting|additional reporting|writing|editing|compiled) by\b.{0,200}"
    r"|.{0,240}\bcontributed (?:to )?this (?:report|article|story)\.?\)?"
    # ("Contributing: Eliza Collins, Maureen Groppe", "Contributing: The Associated Press")
    r"|contributing(?: reporters?| writers?| editors?)?\s*:\s*.{2,200}?)\s*$", re.I)
_COMMENTS = re.compile(
    r"\bcomments?\b.{0,60}\b(?:log ?in|sign ?in|sign up|register|subscribe|write|post|leave|join)\b"
    r"|\b(?:log ?in|sign ?in|write|post|leave|join)\b.{0,40}\bcomments?\b|\(\d+/\d+\s*\S?\)"
    r"|^\s*comment on this (?:story|article|post)\s*$|^\s*join the conversation\b", re.I)
_NOTE = re.compile(r"^\s*[-—–]*\s*(?:update|updated|correction|clarification|editor['’]?s? note)\b[^:\n]{0,40}:"
                   r"|^\s*(?:this|the) (?:story|article|post|report) (?:has been|was) (?:updated|corrected|amended"
                   r"|first published|originally published)\b"
                   # ("This is a developing story, stay tuned for updates.", "This is a breaking news post and will
                   # be updated …")
                   r"|^\s*this is an? (?:developing|breaking)(?: news)? (?:story|post|article)\b"
                   r"|^\s*(?:this (?:story|post) is developing|check back (?:later |soon )?for updates)\b", re.I)
# An update's label, with when it was made: "UPDATE:", "Update 5 p.m. ET:", "Update at 2:47 p.m. -", "UPDATE IV -",
# "Updated: 4:46 p.m. -"
_TIME = r"(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?|AM|PM)?(?:\s+[A-Z]{2,3}\b)?(?:\s+\w+day\b)?"
_UPDATE_LABEL = re.compile(rf"^\s*[-—–]*\s*update[d]?\b(?:\s+(?:[IVX]+|\d+)\b)?(?:,?\s+{_TIME})?\s*[:.\-–—]+\s*"
                           rf"(?:{_TIME}\s*[:.\-–—]+\s*)?", re.I)
# What an update says of the article itself, not news: "Story updated with comment from …", "Added Google's new
# statements", "Shortly after this post went up, …"
_ABOUT_THE_ARTICLE = re.compile(r"(?:added|adds|adding|story|article|post|this|we|our|correct|clarified"
                                r"|an earlier|a previous|the (?:story|article|post|headline))\b"
                                r"|.*\b(?:this (?:story|article|post|report|piece)|updated|we['’]ve|revised|corrected"
                                r"|mis-?stated|I|I['’](?:ve|m|d))\b", re.I)
# An author's note at an article's end: "Walter Shapiro is a Roll Call columnist, …", "— David French is a staff
# writer for National Review, …", "Fred Lucas is the White House correspondent for the Daily Signal."
_AUTHOR_NOTE = re.compile(r"^\s*(?:[-—–*•]\s*)?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,?\s+"
                          # (or with no article: "Joel B. Pollak is Senior Editor-at-Large at Breitbart News", "Susan
                          # Glasser is editor of Politico")
                          r"(?:is|was|has been|serves as)\s+(?:(?:a|an|the)\s+)?(?:[\w.'’&-]+\s+){0,6}?"
                          r"(?:(?i:writer|columnist|correspondent|reporter|editor|editor-in-chief"
                          r"|fellow|host|lecturer|commentator|blogger|journalist|author|column)"
                          # (an outlet's contributor: "Fox News contributor", not "the second-largest contributor")
                          r"|[A-Z][\w.'’&-]*\s+contributor)\b")
AUTHOR_NOTE_LINES = 3       # an author's note is among an article's last lines
_FOOTER = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b|all rights reserved|our standards\s*:)", re.I)
# What a page says of itself, not news: "This article is more than 1 year old", "The opinions expressed in this
# commentary are his own.", a transcript's "This is a rush transcript. Copy may not be in its final form.",
# "Accuracy and availability may vary.", "Information from The Associated Press was used in this report.", "The AP is
# solely responsible for all content."
_ABOUT_THE_PAGE = re.compile(
    r"^\s*(?:[•⦁*]\s*)?(?:this (?:article|story|piece) is more than \d+ (?:years?|months?|days?) old"
    r"|the (?:views|opinions) expressed (?:in this (?:commentary|article|column|piece|op-ed|essay)|by (?:columnists"
    r"|the authors?|contributors|our writers)) are (?:his|her|their|the author['’]s|solely)"
    r"|this is a rush transcript|(?:copy|this text) may not be in its final form|accuracy and availability may vary"
    r"|this (?:article|story|report) (?:is|was) based in part on wire(?: service)? reports"
    r"|the authoritative record of [\w’'. ]{2,40} is the audio record"
    r"|information from (?:the )?[A-Z][\w.&'’ ]{1,40} (?:was|were) used in this (?:report|story|article)"
    r"|the ap is solely responsible for all content|the associated press [\w ]{2,60} receives support from"
    r"|[\w ]{0,20}transcripts? (?:is|are) created on a rush deadline)", re.I)
_ANALYSIS_BY = re.compile(r"^\s*(?i:analysis) by\s+(?P<name>[A-Z][^\n]{1,80})$")
_PROMO = re.compile(
    r"\b(?:click here|sign up (?:for|to|today|now|here)|subscribe (?:to|now|today|on)|our newsletter"
    r"|download (?:the|our) (?:[\w.]+ ){0,3}app|follow us on|gives you the latest"
    r"|share (?:this|on) (?:facebook|twitter|x)"
    r"|get the latest|by signing up|thank you for (?:signing up|subscribing)|(?:in|to) your inbox"
    # ("… curated by Post editors and delivered every morning.", "Follow our live coverage")
    r"|delivered (?:to you )?(?:every|each) (?:morning|day|evening|week|weekday)|follow our (?:live )?(?:coverage|blog"
    r"|updates)|(?:like|join) us on facebook|click for more\b|get breaking news alerts"
    # ("The news and stories that matter, delivered weekday mornings.")
    r"|delivered (?:on )?weekday mornings)\b", re.I)
# A verb of saying: a line that reports what someone said is no promo, whatever it says ("He said he would subscribe
# to the plan")
_REPORTED = re.compile(r"\b(?:said|says|told)\b")
_APPEAL_CUE = re.compile(
    r"\b(?:support|donat\w*|patron\w*|subscri\w*|membership|join our|become a member|cup of coffee|contribut\w*"
    r"|help us|close this page|independent journalism|our journalism|our reporting|paywalls?|content meters?)\b",
    re.I)
# Words one of which every promo or appeal line holds: a cheap test before the patterns.
_PROMO_WORDS = ("click", "sign up", "signing up", "inbox", "subscribe", "newsletter", "download", "follow us", "latest",
                "share", "delivered", "follow our", "like us", "join us", "click", "breaking news")
_APPEAL_WORDS = ("support", "donat", "patron", "subscri", "member", "join our", "coffee", "contribut",
                 "help us", "close this page", "journalism", "our reporting", "paywall", "content meter")
# Phrases that make a line an appeal by themselves: a note from the author that asks for support, a paywall's
# offer ("Note from the author:", "We’ve been working hard to bring you …", "Already a subscriber? Log in")
_APPEAL_PLAIN = ("note from the author", "please consider supporting", "working hard to bring you",
                 "already a subscriber?", "get unlimited access", "want to read more?")
# A line that only dates the page: "18 December 2024", "December 18, 20244:12 PM GMTUpdated 2 hours ago", "Wed 18
# Dec 2024 12.05 GMT". (Its words are cut at capitals too: a scraper glues "GMT" to "Updated".)
_DATE_TOKEN = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_WEEKDAYS = WEEKDAYS | WEEKDAY_ABBREVIATIONS
# ("December 13, 2024 11:45 AM 2 min read")
_DATE_WORDS = frozenset("updated update published posted modified last on at ago hour hours hr hrs minute minutes min "
                        "read mins day days week weeks month months year years am pm a m p gmt utc bst cet cest est "
                        "edt et pt pst pdt ct cst cdt mt mst ist msk eet eest jst aest".split())
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_RELATIVE_TIME = re.compile(r"^\s*(?:(?:updated|posted|published|last updated)\s+)?(?:an?|\d+)\s+"
                            r"(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?)\s+ago\s*$", re.I)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b")


def _a_reporter(name: str) -> bool:
    """A name that may be a reporter's: a given name first, or a word news does not write in lower case that is no
    place nor a people ("Bethan McKernan"; not "Peace Talks in Geneva", nor "Ukrainian Forces in Kursk")."""
    first = name.split()[0]
    return first in first_names() or not is_common_word(first) and not place_kind(first) and not is_demonym(first)


def _a_named_person(m: re.Match | None) -> bool:
    """Whether a pattern's "name" is a person's: a given name first, and no place."""
    return m is not None and m.group("name").split()[0] in first_names() and not place_kind(m.group("name"))


def _byline_name(name: str) -> str:
    """The reporter a byline names, without the outlet it writes for ("CHRIS PLEASANCE FOR DAILYMAIL.COM" is
    Chris Pleasance)."""
    name = _DASHED.split(_FOR_OUTLET.sub("", name), 1)[0].strip(" []-,;")     # ("Bill Scher - October 20, 2014")
    # (nor what the reporter is, after a comma: "Anthony Zurcher, BBC Washington"; not a list of reporters)
    if ", " in name and " and " not in name:
        name = _SUFFIX_COMMA.split(name, 1)[0]
    return name.title() if name.isupper() and " " in name else name


def _date_only(line: str) -> bool:
    """Whether a line holds a date or a time of the page and nothing else (a month, a weekday or "ago" among
    its words)."""
    dated = False
    for token in _DATE_TOKEN.findall(line):
        if token[0].isdigit():
            continue
        low = token.lower()
        if low in MONTH_NUMBERS or low in _WEEKDAYS or low == "ago":
            dated = True
        elif low not in _DATE_WORDS:
            return False
    return dated


def iso_date(text: str) -> str:
    """A page's date as YYYY-MM-DD where it writes one ("17 Dec. 2024, 10:23", "December 18, 2024"); else the text
    as it is."""
    for m in (_MONTH_DAY_YEAR.search(text), _DAY_MONTH_YEAR.search(text)):
        if m is None:
            continue
        month, day = (m.group(1), m.group(2)) if m.re is _MONTH_DAY_YEAR else (m.group(2), m.group(1))
        number = MONTH_NUMBERS.get(month.lower())
        if number and 1 <= int(day) <= 31:
            return f"{m.group(3)}-{number:02d}-{int(day):02d}"
    # ("18/12/2024", "12/18/2024"; not "05/06/2024", which may be either)
    if m := _NUMERIC_DATE.search(text):
        first, second = int(m.group(1)), int(m.group(3))
        day, month = (first, second) if first > 12 else (second, first) if second > 12 else (0, 0)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{m.group(4)}-{month:02d}-{day:02d}"
    return text


# Links and page parts as sites print them:
# "Follow AP’s coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine"
_LINK_INVITE = re.compile(r"^\s*(?:follow|read|see|visit|find|watch|listen to|get|for more)\b[^\"“”]{0,200}?"
                          r"(?:https?://|www\.)\S+\s*$", re.I)
# "Purchase Licensing Rights, opens new tab"
_NEW_TAB = re.compile(r",?\s*opens (?:in )?(?:a )?new (?:tab|window)\s*$", re.I)
# "Credit...Nanna Heitmann for The New York Times"
_CREDIT_DOTS = re.compile(r"^\s*(?:Credit|Photo|Image)\s*(?:\.{2,}|…)\s*\S")
# "A version of this article appears in print on Dec. 19, 2024, Section A, Page 9 of the New York edition ..."
_IN_PRINT = re.compile(r"^\s*a version of this (?:article|story|review|column) (?:appears|appeared) in print\b", re.I)
# "Marc Santora reported from Kyiv, Ukraine.", "Anton Troianovski and Ivan Nechepurenko contributed reporting."
_REPORTED_FROM = re.compile(r"^\s*(?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w.'’\-]*"
                            r"(?:(?:,|,? and)\s+(?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w.'’\-]*)*\s+"
                            r"(?:reported from|contributed reporting|contributed research"
                            # ("Jordain Carney contributed.")
                            r"|contributed(?=\s*\.?\s*$))\b[^\"“”]{0,80}$")
# Credits as some outlets print them on a line of their own: a reporter's sign-off in a live blog ("— Danielle
# Kurtzleben]", "- Nicholas Wu"), "Special for USA TODAY", a photographer's "Nadav Kander for TIME", an excerpt's
# "Chris Cillizza, CNN"; and a dateline in capitals, "RIYADH, SAUDI ARABIA"
_PERSON = r"(?P<name>(?:[A-Z][\w'’.\-]*\s+){1,2}[A-Z][\w'’.\-]*)"
_OUTLET = r"(?:[Tt]he\s+)?[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}\s*$"
_SIGN_OFF = re.compile(r"^\s*\[?[-—–]{1,2}\s*" + _PERSON + r"\s*\]?\s*$")
_SPECIAL_TO = re.compile(r"^\s*(?i:special) (?:to|for) " + _OUTLET)
_PERSON_FOR = re.compile(r"^\s*" + _PERSON + r"\s+for\s+" + _OUTLET)
_PERSON_COMMA_OUTLET = re.compile(r"^\s*" + _PERSON + r",\s+" + _OUTLET)
_BOARD_COMMA_OUTLET = re.compile(r"^\s*(?:[Tt]he\s+)?Editorial Board,\s+" + _OUTLET)
_CAPS_PLACES = re.compile(r"^\s*[A-Z][A-Z.'’\- ]{1,30},\s*(?P<place>[A-Z][A-Z.'’\- ]{1,30}?)\s*$")
# An outlet's box of links to its other articles: "list of 4 items", "list 1 of 4", ..., "end of list"
_LIST_BOX_START = re.compile(r"^\s*list of \d+ items?\s*$", re.I)
_LIST_BOX_LINE = re.compile(r"^\s*list \d+ of \d+\s*$", re.I)
_LIST_BOX_END = re.compile(r"^\s*end of list\s*$", re.I)
LIST_BOX_LINES = 40         # a box of links longer than this did not end where it said it would: it ends here
# A form's small print: "protected by reCAPTCHA"
_FORM_PRINT = re.compile(r"^\s*(?:this site is )?protected by recaptcha\b", re.I)
# A question to the reader at an article's end: "Have you been affected by the issues raised in this story?"
READER_QUESTION_LINES = 6
# (not an interviewer's, labelled: "AMY GOODMAN: Your response?")
_READER_QUESTION = re.compile(r"^(?![^:]{1,30}:\s)[^\"“”]{0,200}\b(?:you|your)\b[^\"“”]{0,200}\?\s*$", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.I)
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us)\b", re.I)
_QUOTE_CHARS = re.compile(r"[\"“”]")
# A scraped headline glued to the next sentence: "...Against UkraineWith estimates".
# (Matches the capital itself, not the point before it, so that the search can skip straight to capitals.)
_FUSED = re.compile(r"[A-Z](?<=[a-z][A-Z])(?=[a-z]+\b)")
# (a hashtag or a handle written in camel case is one word: "#BlackWomen", "@RepAdamSchiff")
_TAGGED = re.compile(r"[#@]\w*$")
_SENT_END = re.compile(r"[.!?]\s*[\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class Cleaned:
    furniture: tuple[Furniture, ...]
    title: tuple[int, int] | None
    author: str | None
    published: str | None


def _is_appeal(line: str) -> bool:
    if _QUOTE_CHARS.search(line):
        return False
    cues = len(_APPEAL_CUE.findall(line))
    you = bool(_SECOND_PERSON.search(line))
    we = bool(_FIRST_PLURAL.search(line))
    return (cues >= 1 and you and we) or cues >= 3 or (cues >= 2 and (you or we))


def _all_caps(line: str) -> bool:
    return line.isupper() and sum(ch.isalpha() for ch in line) >= 20


def _a_headline(text: str, lines: list[tuple[int, int, str]], idx: int) -> bool:
    """A first line that is a headline although it ends like a sentence: a paragraph of its own, of 20 words at
    most, a question or an exclamation or capitalised as headlines are ("Who is Dave Brat?", "Shooting Brings Rare
    Comity to the Capital, but Will It Last?", "Gay Marriages Get Recognition From the I.R.S.")."""
    _, b, line = lines[idx]
    if idx + 1 >= len(lines) or text.count("\n", b, lines[idx + 1][0]) < 2 or len(line.split()) > 20:
        return False
    stripped = line.rstrip().rstrip("\"'’”")
    return stripped.endswith(("?", "!")) or _capitalised_share(line) >= 0.6


def _capitalised_share(line: str) -> float:
    words = [w.strip("\"“‘'(") for w in line.split()]
    words = [w for w in words if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _a_heading(line: str) -> bool:
    """A line that reads like a heading: no full stop, or its words capitalised ("Where Was Most Of The Growth?")."""
    return _reads_like_heading(line) or _capitalised_share(line) >= 0.7


def _reads_like_heading(line: str) -> bool:
    words = line.split(None, 25)      # enough to tell "more than 25"
    return 0 < len(words) <= 25 and not _SENT_END.search(line)


def _fusion_point(line: str, start: int) -> int | None:
    """Where a glued-on sentence starts inside a furniture line, if anywhere."""
    for m in _FUSED.finditer(line, start):
        nxt = _CAP_WORD.match(line, m.start())
        if nxt and is_common_word(nxt.group()) and not _one_word(line, m.start(), nxt.group()) \
                and not _TAGGED.search(line, max(0, m.start() - 40), m.start()):
            return m.start()
    return None


def _one_word(text: str, pos: int, after: str) -> bool:
    """Whether the capital at `pos` is inside a word news writes as one ("BuzzFeed", "WikiLeaks", "HuffPost"), not
    the start of a sentence glued to the word before it ("UkraineWith")."""
    before = _LAST_WORD.search(text, max(0, pos - 40), pos)
    return before is not None and word_stats(before.group() + after) is not None


def clean(text: str, titled: bool = False) -> Cleaned:
    """Find the page furniture in an article, and its title, author and date where the page states them; `titled`
    where its metadata gave its headline."""
    lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    furniture: list[Furniture] = []
    author: str | None = None
    published: str | None = None
    tail_kind: str | None = None     # once comments or an appeal start, the rest is furniture
    in_related_list = False
    list_box_from: int | None = None     # the line a box of links began at, while in one
    after_byline = False
    kinds: list[str | None] = []
    # a line can only hold the cue words its article holds: test just those on each line
    text_low = text.lower()
    promo_words = [k for k in _PROMO_WORDS if k in text_low]
    appeal_words = [k for k in _APPEAL_WORDS if k in text_low]

    # a line in capitals amid reporting is another article's headline ("SCHIFF SAYS 'WE' DIDN'T TALK TO
    # WHISTLEBLOWER"); in an article written in capitals it is reporting
    caps_lines = sum(1 for _, _, line in lines if _all_caps(line))
    # an author's note is among the last AUTHOR_NOTE_LINES lines, not counting the short ones a page ends with (its
    # tags, "Related Topics", "Israel", "Middle East")
    long_lines = [i for i, (_, _, line) in enumerate(lines) if len(line.split(None, 3)) > 3]
    notes_from = long_lines[-AUTHOR_NOTE_LINES:][0] if long_lines else len(lines)
    for idx, (a, b, line) in enumerate(lines):
        kind: str | None = None
        stripped = line.strip()
        if "<" in line or "data:" in line or "![" in line:
            for m in _IMAGE.finditer(line):
                furniture.append(Furniture(a + m.start(), a + m.end(), "image"))
            if _IMAGE.sub("", line).strip() == "":
                kinds.append("image")
                continue
        if "(@" in line:
            furniture.extend(Furniture(a + m.start(), a + m.end(), "credit") for m in post_signatures(line))
        if " | " in line and (teaser := _PIPE_TEASER.search(line)) and teaser.start() > 0:
            furniture.append(Furniture(a + teaser.start() + 1, b, "related"))
        if ":" in line and ("RE" in line or "WATCH" in line or "SEE" in line or "MORE" in line) \
                and ("(" in line or "[" in line):
            inline = [m for m in _INLINE_LINK.finditer(line) if m.start() > 0 or m.end() < len(line.rstrip())]
            furniture.extend(Furniture(a + m.start(), a + m.end(), "related") for m in inline)
        # most lines are long paragraphs of reporting: cheap word tests spare them the slower patterns
        n_words = len(stripped.split())
        low = line.lower()

        if list_box_from is not None:
            kind = "related"
            if _LIST_BOX_END.match(line) or idx - list_box_from >= LIST_BOX_LINES:
                list_box_from = None
        elif n_words <= 4 and _LIST_BOX_START.match(line):
            kind = "related"
            list_box_from = idx
        elif tail_kind and (n_words <= 12 or _is_appeal(line) or _COMMENTS.search(line)):
            kind = "comments" if _COMMENTS.search(line) else tail_kind
        elif in_related_list and _LIST_ITEM.match(line):
            kind = "related"
        elif _RELATED_ONLY.match(line):
            kind = "related"
            in_related_list = True
        # (a gallery scraped into a line is all furniture, though it begins with its label: "Photos: WikiLeaks
        # founder Julian Assange Photos: ... Hide Caption 1 of 22 Photos: ...")
        elif _RELATED.match(line) and not (("Caption" in line or "Videos" in line) and _GALLERY.search(line)):
            cut = _fusion_point(line, 0)
            if cut is not None:
                furniture.append(Furniture(a, a + cut, "related"))
                kinds.append(None)
                continue
            kind = "related"
        # _AUDIO needs one of these words (none holds i, k or s, which IGNORECASE also matches outside ASCII)
        elif ("aud" in low or "ten to " in low or "read by" in low) and _AUDIO.match(line):
            kind = "audio"
        elif m := _STAMP.match(line):
            kind = "dateline"
            published = published or iso_date(m.group("date").strip())
        elif n_words <= 14 and _date_only(line):
            kind = "dateline"
            # (a time relative to when the page was read dates nothing: "7 years ago", "Updated 2 hours ago")
            if idx <= 8 and not _RELATIVE_TIME.match(line):
                published = published or iso_date(stripped)
        elif ("@" in line or "protected" in low) and (
                n_words <= 12 or n_words <= 45 and _CONTACT.search(line) and not _REPORTED.search(line)
                and not _QUOTE_CHARS.search(line)) and _EMAIL.search(line):
            kind = "byline"
            after_byline = True
            if m := _BYLINE.match(_EMAIL.sub("", line).strip(" []")):
                author = author or _byline_name(m.group("name"))
        elif m := _BYLINE.match(line):
            if len(stripped.split()) <= 10 and not _SENT_END.search(stripped):
                kind = "byline"
                after_byline = True
                author = author or _byline_name(_EMAIL.sub("", m.group("name")))
        elif idx <= BYLINE_LINES and n_words <= 12 and " in " in line and (m := _NAME_IN_PLACE.match(line)) \
                and _a_reporter(m.group("name")):
            kind = "byline"
            author = author or m.group("name")
        elif n_words <= 4 and "read" in low and _READING_TIME.match(line):
            kind = "dateline"
        elif (m := _CAPS_NAME.match(line)) and idx <= 8 and len(stripped.split()) <= 5:
            kind = "byline"
            if " " in m.group("name").strip():      # (a word alone in capitals is a button: "FOLLOW")
                author = author or m.group("name").strip().title()
        elif after_byline and n_words <= 6 and _ROLE.match(line):
            kind = "byline"
        elif after_byline and _CREDIT.match(line):
            kind = "credit"
        elif ("with the" in low or " by" in low or "contribut" in low) and _CREDIT.match(line) and idx > 0 \
                and not _QUOTE_CHARS.search(line):
            kind = "credit"
        elif n_words <= 20 and _COMMENTS.search(line):
            kind = "comments"
            tail_kind = "comments"
        elif _NOTE.match(line):
            kind = "note"
            # "UPDATE: AARP CEO A. Barry Rand said in a statement, "…"": news given in an update is reporting, and
            # only the label a note
            label = _UPDATE_LABEL.match(line)
            if label and len(line[label.end():].split()) >= 3 and _SENT_END.search(line) \
                    and not _ABOUT_THE_ARTICLE.match(line, label.end()) and not _a_heading(line[label.end():]):
                furniture.append(Furniture(a, a + label.end(), "note"))
                kind = None
        elif idx >= notes_from and n_words <= 80 and _AUTHOR_NOTE.match(line) \
                and not _REPORTED.search(line) and not _QUOTE_CHARS.search(line):
            kind = "byline"
        elif _FOOTER.match(line):
            kind = "footer"
        elif n_words <= 30 and _ABOUT_THE_PAGE.match(line):
            kind = "note"
        elif n_words <= 12 and "nalysis by" in line and (m := _ANALYSIS_BY.match(line)):
            kind = "byline"
            author = author or _byline_name(m.group("name"))
        elif any(k in low for k in promo_words) and _PROMO.search(line) \
                and (_SECOND_PERSON.search(line) or n_words <= 12 or "newsletter" in low or "curated by" in low
                     or "weekday mornings" in low) \
                and not _REPORTED.search(line):
            kind = "promo"
        # (a credit ends its line, and names a picture or an agency: most lines are spared the pattern)
        elif _CAPTION.match(line) or n_words <= 40 and any(w in line for w in _CREDIT_WORDS) \
                and _CREDIT_END.search(line, max(0, len(line.rstrip()) - 160)) and not _QUOTE_CHARS.search(line) \
                or ("/" in line[:100] or "Getty" in line[:100]) and _CREDIT_START.match(line) \
                or n_words <= 80 and ":" in line and stripped.endswith(_AGENCIES) and _AGENCY_CREDIT_END.search(line) \
                or ")" in line and _PAREN_CREDIT.search(line) or "FILE" in line and _FILE_PHOTO.match(line) \
                or line.startswith("CLOSE ") and _VIDEO_CLOSE.match(line):
            kind = "image"
        elif _BRACKET_LINK.match(line) or n_words <= 20 and _RELATED_BARE.match(line) and not _REPORTED.search(line):
            kind = "related"
        elif ("Caption" in line or "Videos" in line) and _GALLERY.search(line):
            kind = "gallery"
        elif idx > 0 and n_words >= 4 and caps_lines <= 0.25 * len(lines) and _all_caps(line):
            kind = "related"
        elif n_words <= 6 and _BETWEEN.match(line):
            kind = "advert"
        elif n_words <= 3 and _SHARE_BUTTON.match(line) \
                or n_words <= 16 and "share this" in low and _SHARE_BAR.match(line):
            kind = "promo"
        elif n_words <= 6 and ("list" in low or "recaptcha" in low) and (
                _LIST_BOX_LINE.match(line) or _LIST_BOX_END.match(line) or _FORM_PRINT.match(line)):
            kind = "related" if "list" in low else "promo"
        elif ("http" in low or "www." in low) and n_words <= 40 and _LINK_INVITE.match(line):
            kind = "related"
        elif "new " in low and n_words <= 20 and _NEW_TAB.search(line):
            kind = "related"
        elif n_words <= 40 and line.count(" | ") >= 2 and not _SENT_END.search(line) \
                and all(len(part.split()) <= 4 for part in line.split(" | ")):
            kind = "related"        # a bar of links: "Order Reprints | Today’s Paper | Subscribe"
        elif "print" in low and _IN_PRINT.match(line):
            kind = "note"
        elif ("reported" in low or "contributed" in low) and n_words <= 30 and _REPORTED_FROM.match(line):
            kind = "credit"
        elif line.lstrip().startswith(("Credit", "Photo", "Image")) and _CREDIT_DOTS.match(line):
            kind = "image"
        elif idx >= len(lines) - READER_QUESTION_LINES and n_words <= 25 and "you" in low \
                and _READER_QUESTION.match(line) and not _REPORTED.search(line):
            kind = "promo"
        elif n_words <= 30 and ("read" in low or "story" in low) and (
                _READ_MORE_END.search(line) or n_words <= 20 and _READ_MORE_START.match(line)) \
                and not _QUOTE_CHARS.search(line):
            kind = "related"
        elif n_words <= 40 and ("follow" in low or "twitter" in low) and _FOLLOW.search(line) \
                and not _QUOTE_CHARS.search(line) \
                and ("@" in line or _FOLLOW_START.match(line) or _STAY_UPDATED.search(line)):
            kind = "byline"
        elif n_words <= 4 and stripped[:1] in "-—–[" and _a_named_person(_SIGN_OFF.match(line)):
            kind = "byline"
        elif n_words <= 8 and (
                "special" in low and _SPECIAL_TO.match(line)
                or " for " in line and _a_named_person(_PERSON_FOR.match(line))
                or "," in line and (_a_named_person(_PERSON_COMMA_OUTLET.match(line))
                                    or "Board" in line and _BOARD_COMMA_OUTLET.match(line))):
            kind = "credit"
        elif n_words <= 6 and "," in line and line.isupper() and (m := _CAPS_PLACES.match(line)) \
                and place_kind(m.group("place").title()):
            kind = "dateline"
        elif (any(k in low for k in appeal_words) and _is_appeal(line)
              or any(k in low for k in _APPEAL_PLAIN) and not _QUOTE_CHARS.search(line)
              and not _REPORTED.search(line)):
            kind = "appeal"
            tail_kind = "appeal" if idx >= len(lines) * 0.5 else None

        # (a list of links goes on while its lines are links: items, or headlines under its label)
        if kind is None and in_related_list and n_words <= 16 and _reads_like_heading(line):
            kind = "related"
        if kind != "related":
            in_related_list = in_related_list and kind is None and False
        if kind not in ("byline", "credit"):
            after_byline = after_byline and kind is not None
        kinds.append(kind)
        if kind:
            furniture.append(Furniture(a, b, kind))

    # A short heading that introduces a promo box is part of the box.
    for idx in range(len(lines) - 1):
        if kinds[idx] is None and kinds[idx + 1] == "promo" and _reads_like_heading(lines[idx][2]) \
                and len(lines[idx][2].split()) <= 8 and idx > 0:
            furniture.append(Furniture(lines[idx][0], lines[idx][1], "promo"))
            kinds[idx] = "promo"

    # The links a page ends with, after the article's last sentence: short lines of capitalised words without a
    # figure ("Request Reprint & Licensing", "Submit Correction", "Asia Pacific")
    first_sentence = next((idx for idx, kind in enumerate(kinds) if kind is None and _SENT_END.search(lines[idx][2])),
                          len(lines))
    for idx in range(len(lines) - 1, first_sentence, -1):
        if kinds[idx] is not None:
            continue
        line = lines[idx][2]
        if len(line.split()) > 8 or not _reads_like_heading(line) or _capitalised_share(line) < 0.6 \
                or any(ch.isdigit() for ch in line) or _LIST_ITEM.match(line):
            break
        kinds[idx] = "related"
        furniture.append(Furniture(lines[idx][0], lines[idx][1], "related"))

    title = None
    for idx, (a, b, line) in enumerate(lines):
        if kinds[idx] is not None:
            continue
        # (where the article's metadata gave its headline, its text begins with the story: only a line that reads
        # as a heading is one)
        if (_reads_like_heading(line) or not titled and _a_headline(text, lines, idx)) and len(line.split()) >= 3 \
                and idx + 1 < len(lines):
            title = (a + len(line) - len(line.lstrip()), b - (len(line) - len(line.rstrip())))
        break
    furniture.sort(key=lambda f: (f.start, f.end))
    return Cleaned(tuple(furniture), title, author, published)


def reporting_segments(text: str, furniture: tuple[Furniture, ...]) -> list[tuple[int, int]]:
    """Paragraph pieces that are reporting: every line, minus the furniture spans in it."""
    segs: list[tuple[int, int]] = []
    fur = sorted((f.start, f.end) for f in furniture)
    first = 0     # furniture before this index ends before the current line
    for m in _LINE.finditer(text):
        a, b = m.start(), m.end()
        while first < len(fur) and fur[first][1] <= a:
            first += 1
        pieces = [(a, b)]
        for fs, fe in fur[first:]:
            if fs >= b:
                break
            if fe <= a:
                continue
            nxt = []
            for ps, pe in pieces:
                if fe <= ps or fs >= pe:
                    nxt.append((ps, pe))
                    continue
                if fs > ps:
                    nxt.append((ps, fs))
                if fe < pe:
                    nxt.append((fe, pe))
            pieces = nxt
        for ps, pe in pieces:
            while ps < pe and text[ps].isspace():
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps and _WORD_CHAR.search(text, ps, pe):
                segs.append((ps, pe))
    return segs


# Words after which a full stop does not end a sentence.
_TITLES = frozenset("""mr mrs ms dr prof gen lt col maj sgt capt adm gov sen rep rev st jr sr fr cpl pvt cmdr
gen brig hon pres supt insp det messrs mme mlle sra sr dr""".split())
_ABBREV = frozenset("""inc corp co ltd llc plc vs etc al approx dept est fig no nos vol op ed eds jan feb mar apr
jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ft mt pt""".split())
_CAP_WORD = re.compile(r"[A-Z][a-z]+")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_WORD_CHAR = re.compile(r"\w")
_LAST_WORD = re.compile(r"[A-Za-z]+$")
_LAST_TOKEN = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"[\"“‘'(]*([A-Za-z]+|\d+)")
_SENTENCE_STARTERS = frozenset("""The A An He She It They We I In But And This That These Those There His Her Their
Its On At As After Before If When While However Meanwhile Some Many Most Officials Police""".split())
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)")
_QUOTE = re.compile(r"[\"“”]")
_MAX_QUOTE = 600     # a quote mark left open this long was a typo, not a quotation


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], robust to abbreviations and quotations."""
    out: list[tuple[int, int]] = []
    seg_start = start
    in_quote = False
    quote_open_at = 0
    events = sorted(
        [(m.start(), "q", m) for m in _QUOTE.finditer(text, start, end)]
        + [(m.start(), "b", m) for m in _BOUNDARY.finditer(text, start, end)]
        + [(m.start(), "f", m) for m in _FUSED.finditer(text, start, end)],
        key=lambda e: e[0])
    for pos, kind, m in events:
        if pos < seg_start:
            continue
        if kind == "q":
            ch = m.group()
            if ch == "“":
                in_quote, quote_open_at = True, pos
            elif ch == "”":
                in_quote = False
            else:
                in_quote = not in_quote
                quote_open_at = pos
            continue
        if kind == "f":
            word = _CAP_WORD.match(text, pos, end)
            prev = _LAST_WORD.search(text, max(seg_start, pos - 40), pos)
            if word and prev and len(prev.group()) >= 4 and is_common_word(word.group()) \
                    and word_stats(prev.group()) is not None and not _one_word(text, pos, word.group()):
                out.append((seg_start, pos))
                seg_start = pos
            continue
        # a sentence boundary candidate
        punct_end = m.start(2)
        after = m.end()
        if after >= end:
            continue
        closing = m.group(2)
        # quote state includes the closing marks we are about to pass
        q_state = in_quote
        for ch in closing:
            if ch == "”":
                q_state = False
            elif ch == '"':
                q_state = not q_state
        if q_state and pos - quote_open_at < _MAX_QUOTE:
            continue
        nxt = text[after]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'([" or not nxt.isalpha()):
            continue
        if m.group(1) == "." and not _ends_sentence(text, seg_start, pos, after, end):
            continue
        in_quote = q_state
        out.append((seg_start, punct_end + len(closing)))
        seg_start = after
    if seg_start < end:
        out.append((seg_start, end))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in out) if b > a]


def _ends_sentence(text: str, seg_start: int, dot: int, after: int, end: int) -> bool:
    # look back only a few characters: a long run with no accepted boundary must not cost its length each time
    tok = _LAST_TOKEN.search(text, max(seg_start, dot - 80), dot)
    if not tok:
        return True
    word = tok.group(1).lstrip("\"'“‘([")
    low = word.lower().rstrip(".")
    if len(word) == 1 and word.isupper():
        return False                      # an initial: "John F. Kennedy"
    if low in _TITLES:
        return False
    nxt = _NEXT_WORD.match(text, after, end)
    nxt_word = nxt.group(1) if nxt else ""
    if low in _ABBREV:
        # "Dec. 17", "No. 10" continue; "... Inc. The company" ends
        return not nxt_word.isdigit() and is_common_word(nxt_word)
    if _INITIALISM.fullmatch(word):
        # "U.S.", "a.m.": a sentence ends there only if a sentence clearly starts next
        return nxt_word in _SENTENCE_STARTERS
    return True


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentences(text: str, furniture: tuple[Furniture, ...], title: tuple[int, int] | None) -> list[Sentence]:
    """Every reporting sentence of the article, headings included."""
    out: list[Sentence] = []
    for a, b in reporting_segments(text, furniture):
        segment = text[a:b]
        heading = _reads_like_heading(segment) or (title is not None and a == title[0])
        if heading and len(segment) < 300:
            out.append(Sentence(a, b, True))
            continue
        for s, e in split_sentences(text, a, b):
            out.append(Sentence(s, e, False))
    return out
