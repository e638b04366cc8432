//! Display pieces the pages are made of. Each reads the app state it needs through
//! `state::use_app_state` and changes it only through the state's methods.

pub mod answer;
pub mod answer_bar;
pub mod badges;
pub mod capacity_calculator;
pub mod charts;
pub mod choice_card;
pub mod data_panel;
pub mod design_row;
pub mod draft_box;
pub mod empty_state;
pub mod flashcard;
pub mod highlight;
pub mod html;
pub mod interview_parts;
pub mod interview_report;
pub mod interview_setup;
pub mod interview_stage;
pub mod keyboard;
pub mod list_filters;
pub mod next_step;
pub mod notices;
pub mod personal;
pub mod plan_panel;
pub mod question_row;
pub mod quiz_summary;
pub mod reset;
pub mod rubric;
pub mod safety;
pub mod session_header;
pub mod shortcuts;
pub mod site;
