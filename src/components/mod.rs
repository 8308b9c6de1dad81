//! Function components, one per file.

pub mod camera_scanner;
pub mod certifications;
pub mod checking;
pub mod checks_list;
pub mod compare_with_pack;
pub mod demo_mark;
pub mod language_switch;
pub mod level_look;
pub mod manual_entry;
pub mod next_steps;
pub mod offline_note;
pub mod origin_map;
pub mod party;
pub mod passport_checklist;
pub mod photo_picker;
pub mod product_card;
pub mod recent_scans;
pub mod report_ref;
pub mod result_view;
pub mod timeline;
pub mod trust_footer;
pub mod verdict_banner;
pub mod verdict_words;
