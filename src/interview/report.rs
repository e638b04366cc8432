//! What an interview comes to: the report screen's figures ([`Report`]), the history entry
//! ([`Interview::record`]) and the design round done for it ([`Interview::design_round`]).

use super::{Asked, Interview};
use crate::bank;
use crate::progress::{DesignRecord, Grade, InterviewAnswer, InterviewRecord, Progress};

impl Interview {
    /// The round of the interview's design exercise done for it: the latest one recorded that
    /// started (its finish less the time it used) at or after the interview started.
    pub fn design_round<'a>(&self, progress: &'a Progress) -> Option<&'a DesignRecord> {
        let id = self.design.as_deref()?;
        progress
            .designs
            .iter()
            .filter(|r| r.design_id == id)
            .filter(|r| {
                let used = r
                    .stages
                    .iter()
                    .fold(0u64, |t, s| t.saturating_add(s.used_ms));
                r.at.saturating_sub(used) >= self.started
            })
            .max_by_key(|r| r.at)
    }

    /// The figures for the report screen.
    pub fn report(&self) -> Report {
        let mut report = Report {
            duration_ms: self
                .finished
                .unwrap_or(self.started)
                .saturating_sub(self.started),
            ..Report::default()
        };
        for asked in &self.questions {
            let row = ReportRow::of(asked);
            report.time_ms = report.time_ms.saturating_add(row.time_ms);
            report.covered += row.covered;
            report.key_points += row.key_points;
            if let Some(g) = row.grade {
                report.graded += 1;
                report.by_grade[Grade::ALL.iter().position(|&x| x == g).unwrap_or(0)] += 1;
            }
            if let Some((_, grade)) = row.follow_up {
                report.follow_ups += 1;
                report.follow_ups_graded += usize::from(grade.is_some());
                report.follow_ups_knew += usize::from(grade == Some(Grade::Knew));
            }
            report.rows.push(row);
        }
        report
    }

    /// The history entry for a finished interview; `None` when not finished or nothing was graded
    /// (an empty interview is discarded, not recorded as "0 of 0").
    pub fn record(&self) -> Option<InterviewRecord> {
        let finished = self.finished?;
        if self.questions.iter().all(|a| a.grade.is_none()) {
            return None;
        }
        Some(InterviewRecord {
            started: self.started,
            finished,
            seconds_per_answer: self.seconds_per_answer,
            design: self.design.clone(),
            questions: self
                .report()
                .rows
                .into_iter()
                .map(|row| InterviewAnswer {
                    id: row.id,
                    time_ms: row.time_ms,
                    covered: row.covered,
                    key_points: row.key_points,
                    grade: row.grade,
                    follow_up: row.follow_up,
                })
                .collect(),
        })
    }
}

/// One question's line in the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportRow {
    /// Question id.
    pub id: String,
    /// Time spent on the main answer, in ms.
    pub time_ms: u64,
    /// Key points ticked as covered.
    pub covered: usize,
    /// Key points the question has (0 if it left the bank).
    pub key_points: usize,
    /// The main answer's grade (`None`: not graded).
    pub grade: Option<Grade>,
    /// The follow-up asked (its index) and its grade, if one was asked.
    pub follow_up: Option<(usize, Option<Grade>)>,
    /// Time spent on the follow-up, in ms (0 if none was asked).
    pub follow_up_ms: u64,
}

impl ReportRow {
    fn of(asked: &Asked) -> ReportRow {
        ReportRow {
            id: asked.id.clone(),
            time_ms: asked.time_ms,
            covered: asked.ticked.len(),
            key_points: bank::question(&asked.id).map_or(0, |q| q.key_points),
            grade: asked.grade,
            follow_up: asked.follow_up.as_ref().map(|f| (f.index, f.grade)),
            follow_up_ms: asked.follow_up.as_ref().map_or(0, |f| f.time_ms),
        }
    }
}

/// An interview's result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// One row per question asked, in order.
    pub rows: Vec<ReportRow>,
    /// Main answers graded.
    pub graded: usize,
    /// Main answers per grade, in [`Grade::ALL`] order (didn't know, partly, knew).
    pub by_grade: [usize; 3],
    /// Key points covered, over all questions.
    pub covered: usize,
    /// Key points, over all questions.
    pub key_points: usize,
    /// Follow-ups asked.
    pub follow_ups: usize,
    /// Follow-ups graded.
    pub follow_ups_graded: usize,
    /// Follow-ups graded "knew it".
    pub follow_ups_knew: usize,
    /// Time spent on main answers, in ms.
    pub time_ms: u64,
    /// From start to finish, in ms.
    pub duration_ms: u64,
}

impl Report {
    /// Main answers graded "knew it".
    pub fn knew(&self) -> usize {
        self.by_grade[2]
    }
}
