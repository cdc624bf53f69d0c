//! The food board: every rated dish and meal of the trip in one sortable table (the lines and
//! their order are `app::food_board`'s; this draws them).

use egui::RichText;

use crate::app::Action;
use crate::app::{FoodSort, food_lines};
use crate::model::Money;

/// The board and its sort order.
#[derive(Debug)]
pub struct FoodBoard {
    sort: FoodSort,
    descending: bool,
}

impl Default for FoodBoard {
    fn default() -> Self {
        FoodBoard {
            sort: FoodSort::Rating,
            descending: true,
        }
    }
}

impl FoodBoard {
    /// Draws the board of `entries`; a click on a dish asks to select its entry.
    pub fn show(&mut self, ui: &mut egui::Ui, entries: &[crate::model::Entry]) -> Option<Action> {
        let (sort, descending) = (self.sort, self.descending);
        let lines = food_lines(entries, sort, descending);
        if lines.is_empty() {
            ui.label(t!(ui.ctx(), "food-none"));
            return None;
        }
        let mut new_sort = None;
        let mut select = None;
        egui::ScrollArea::vertical()
            .id_salt("food-board")
            .show(ui, |ui| {
                egui::Grid::new("food-grid")
                    .striped(true)
                    .num_columns(5)
                    .spacing([16.0, 6.0])
                    .show(ui, |ui| {
                        let ctx = ui.ctx().clone();
                        ui.strong(t!(&ctx, "editor-dish"));
                        for (column, label) in [
                            (FoodSort::Rating, t!(&ctx, "editor-rating")),
                            (FoodSort::Price, t!(&ctx, "editor-price")),
                            (FoodSort::Category, t!(&ctx, "editor-category")),
                            (FoodSort::Venue, t!(&ctx, "editor-venue")),
                        ] {
                            let arrow = if sort == column {
                                if descending { " ⏷" } else { " ⏶" }
                            } else {
                                ""
                            };
                            if ui
                                .button(format!("{label}{arrow}"))
                                .on_hover_text(t!(&ctx, "food-sort-by", column = label.as_str()))
                                .clicked()
                            {
                                new_sort = Some(column);
                            }
                        }
                        ui.end_row();
                        for line in &lines {
                            if ui.link(&line.dish).clicked() {
                                select = Some(line.entry);
                            }
                            let stars = super::stars::stars_text(line.rating);
                            let value = line.rating.map_or(String::new(), |r| r.to_string());
                            ui.label(
                                RichText::new(format!("{stars} {value}"))
                                    .color(super::theme::rating_color(ui.visuals())),
                            );
                            ui.label(line.price.as_ref().map_or(String::new(), Money::to_string));
                            ui.label(&line.category);
                            ui.label(&line.venue);
                            ui.end_row();
                        }
                    });
            });
        if let Some(column) = new_sort {
            (self.sort, self.descending) = if column == sort {
                (column, !descending)
            } else {
                (column, column == FoodSort::Rating)
            };
        }
        select.map(Action::SelectEntry)
    }
}
