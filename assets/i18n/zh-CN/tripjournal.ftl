# tripjournal 窗口文字，简体中文。

## 命令表：标签与说明。
cmd-capture-session = 🎤 讲座
cmd-capture-session-help = 新建讲座记录；接着输入标题
cmd-capture-meal = 🍴 用餐
cmd-capture-meal-help = 新建用餐记录；接着输入标题
cmd-capture-rating = ⭐ 美食评分
cmd-capture-rating-help = 新建美食评分；接着输入标题
cmd-capture-note = 📝 笔记
cmd-capture-note-help = 新建笔记；接着输入标题
cmd-new-trip = ➕ 新建旅程
cmd-new-trip-help = 新建旅程
cmd-add-photos = 📷 添加照片…
cmd-add-photos-help = 为所选条目（或旅程）添加照片
cmd-paste-help = 在输入框中粘贴文字，或将图片粘贴为照片
cmd-find-help = 搜索本次旅程
cmd-export = 导出…
cmd-export-help = 将旅程导出为博客文章
cmd-save-help = 立即保存（修改也会自动保存）
cmd-undo = 撤销
cmd-undo-help = 撤销（在输入框之外）
cmd-redo = 重做
cmd-redo-help = 重做
cmd-next-field-help = 下一个／上一个输入框
cmd-jump-to-notes-help = 跳到条目的笔记
cmd-stars-more-help = 加半颗星
cmd-stars-less-help = 减半颗星
cmd-stars-lowest-help = 半颗星；输入数字可直接评分（4.5）
cmd-stars-highest-help = 五颗星
cmd-stars-clear-help = 不评分
cmd-viewer-previous-help = 上一张照片
cmd-viewer-next-help = 下一张照片
cmd-schedule-star-help = 收藏或取消收藏所选讲座
cmd-schedule-notes-help = 为所选讲座开始记笔记（或打开笔记）
cmd-schedule-next-help = 选择下一场讲座
cmd-schedule-previous-help = 选择上一场讲座
cmd-confirm-help = 确认对话框（在单行输入框中）
cmd-close-help = 离开输入框；关闭查看器、对话框、本帮助或编辑器
cmd-erase-typed-help = 删除最后输入的字
cmd-help = 帮助
cmd-help-help = 本帮助
cmd-theme-help = 浅色或深色主题
cmd-edit-trip = 编辑旅程…
cmd-edit-trip-help = 修改旅程的名称、地点、日期、时区和文章设置
cmd-delete-trip = 删除旅程…
cmd-delete-trip-help = 删除旅程及其条目和照片
cmd-watch-folder = 监视文件夹…
cmd-watch-folder-help = 导入新放入某个文件夹的照片（如手机同步文件夹）
cmd-delete-entry = 删除条目…
cmd-delete-entry-help = 删除条目（可撤销）
cmd-view-photo = 查看…
cmd-view-photo-help = 放大显示照片及其说明
cmd-move-photo-left = 左移
cmd-move-photo-left-help = 在照片中前移一位
cmd-move-photo-right = 右移
cmd-move-photo-right-help = 在照片中后移一位
cmd-camera-clock = 相机时间不准…
cmd-camera-clock-help = 调整某台相机所拍照片的时间
cmd-set-cover = 设为旅程封面
cmd-set-cover-help = 在旅程旁显示这张照片
cmd-delete-photo = 删除照片
cmd-delete-photo-help = 删除照片（可撤销）
cmd-import-schedule = 导入日程…
cmd-import-schedule-help = 会议日程文件（.ics、schedule.xml、schedule.json）；也可拖到窗口上
cmd-new-trip-from-schedule = 从日程新建旅程…
cmd-new-trip-from-schedule-help = 从会议日程文件获取名称、日期和时区

## 快捷键的适用范围。
scope-stars = （星级评分上）
scope-viewer = （照片查看器中）
scope-schedule = （日程中）
scope-field = （输入框中）

## F1 帮助。
help-title = 键盘快捷键
help-drop = 将照片文件拖到窗口任意位置即可添加；拖入会议日程（.ics、.xml、.json）即可导入。

## 顶栏。
theme-light = ☀ 浅色
theme-dark = 🌙 深色
language-system = 跟随系统语言

## 首次运行。
welcome-title = 欢迎使用 tripjournal
welcome-lead = 记下讲座、用餐和品尝的美食；添加照片；导出博客文章。
welcome-demo = 打开示例旅程

## 时间线。
view-by-day = 按天
view-by-section = 按章节
view-food-board = 美食榜
view-schedule = 日程
kind-sessions = 讲座
kind-sessions-show = 显示讲座
kind-meals = 用餐
kind-meals-show = 显示用餐
kind-food-ratings = 美食评分
kind-food-ratings-show = 显示美食评分
kind-notes = 笔记
kind-notes-show = 显示笔记
timeline-search-hint = 搜索（Ctrl+F）
timeline-search-clear = 清除搜索
timeline-empty = 还没有条目。用上方的按钮新建一条（Ctrl+1…4）。
timeline-no-match = 没有符合搜索和筛选条件的条目。
trips-heading = 旅程

## 照片。
photo-move-to = 移到
photo-unassigned = 未归类照片
photo-unassigned-count = 未归类照片（{ $count }）

## 日程视图。
schedule-list = 列表
schedule-list-help = 当天的讲座，按时间排列
schedule-grid = 网格
schedule-grid-help = 当天各会场并排，按时间排列
schedule-plan = 我的计划
schedule-plan-help = 当天收藏的讲座按时间排列，显示空档和时间冲突
schedule-track = 分会场
schedule-all-tracks = 全部分会场
schedule-search = 搜索讲座
schedule-search-hint = 标题、讲者、会场…
schedule-talk-count = { $count } 场讲座
schedule-no-match = 当天没有符合分会场和搜索条件的讲座。
schedule-none = 这次旅程还没有会议日程。
schedule-none-hint = 导入会议发布的日程文件（.ics、schedule.xml 或 schedule.json），或把它拖到窗口上。

## 条目编辑器。
editor-photos = 照片
editor-add-photos = 添加照片…
editor-title = 标题
editor-what-is-this-about = 这条记录是关于什么的？
editor-notes-markdown = 笔记（Markdown）
editor-preview = 预览
editor-body = 正文
editor-impressions-quotes-links-markdown-works = 感想、引语、链接……支持 Markdown。
editor-abstract = 摘要
editor-close = 关闭
editor-delete = 删除…
editor-tags = 标签
editor-section = 章节
editor-pick = 选择…
editor-choose-one-of-the-trip-s-sections = 从本次旅程的章节中选择
editor-speakers = 演讲者
editor-track = 分会场
editor-room = 会议室
editor-duration-min = 时长（分钟）
editor-role = 身份
editor-attended = 听众
editor-link-slides-video = 链接（幻灯片／视频）
editor-usefulness = 实用度
editor-takeaways = 收获
editor-meal = 餐次
editor-venue = 餐厅
editor-address = 地址
editor-dishes = 菜品
editor-rating = 评分
editor-dish = 菜品
editor-category = 类别
editor-overall = 总评
editor-taste = 口味
editor-value = 性价比
editor-service = 服务
editor-atmosphere = 环境
editor-verdict = 评语

## The status bar.
status-no-trip-open = 请先打开或新建一个行程
status-no-trip-for-photos = 添加照片前请先打开一个行程
status-no-trip-for-paste = 粘贴照片前请先打开一个行程
status-deleted-with-photos = 条目及其照片已删除；此操作无法撤销
status-no-camera-model = 这张照片没有记录拍摄它的相机
status-set-aside = 已搁置 { $count } 行（仍保存在日志文件中）
status-trip-created = 已创建“{ $name }”
status-file-not-opened = 无法打开 { $file }：{ $problem }
status-not-saved-retrying = 尚未保存：{ $error }。你的文字仍在，正在重试
status-not-saved-deleted = 未保存：{ $error }（它已被删除，可能是另一个程序所为）
status-export-failed = 导出失败：{ $error }
status-saved = 已保存
status-cannot-watch = 无法监视该文件夹：{ $error }
status-no-opener = 无法打开文件夹：{ $program } 不可用（{ $error }）
status-not-opened = 没有文件管理器打开 { $path }：请自行打开
status-exported = 已导出 { $post }
status-exported-not-recorded = 已导出 { $post }；只读日志无法记录这次导出，因此再次导出到那里需要勾选“覆盖”
status-imported-photos = 已导入 { $count } 张照片
status-imported-duplicates = ，{ $count } 张已在行程中
status-imported-failed = ，{ $count } 张失败
status-imported-cancelled = ，{ $count } 张已取消
status-clock-shifted = 已将 { $count } 张照片的时间调整 { $by }
status-clock-left = ，{ $count } 张没有时间的照片保持不变
status-schedule-imported = 已导入 { $imported } 场讲座，更新 { $updated } 场，取消 { $cancelled } 场，跳过 { $skipped } 场
status-added-on-selected = 已添加到 { $day }（所选条目的日期）
status-added-on-first = 已添加到 { $day }（行程第一天）
status-added-on-last = 已添加到 { $day }（行程最后一天）
opened-missing = 文件不存在
opened-folder = 这是一个文件夹
opened-not-a-file = 这不是普通文件
opened-unreadable = 无法读取
opened-unsupported = 它既不是日志，也不是会议日程（.ics、.xml、.json）
opened-second-journal = 一次只能打开一个日志
no-dialog-photos = 这里没有可用的文件对话框（没有桌面门户）：请把照片拖到窗口上，或粘贴图片
no-dialog-schedule = 这里没有可用的文件对话框（没有桌面门户）：请把日程文件拖到窗口上
no-dialog-export-folder = 这里没有可用的文件夹对话框：请输入目标文件夹
no-dialog-watch-folder = 这里没有可用的文件夹对话框（没有桌面门户）：请输入文件夹路径
no-dialog-journal = 这里没有可用的文件对话框：请改为输入路径
journal-demo-failed = 无法创建示例行程：{ $error }
journal-import-failed = 导入无法进行：{ $error }
journal-paste-unreadable = 无法读取粘贴的图片
journal-paste-duplicate = { $name } 已在这个行程中
journal-thread = 无法开始工作：{ $error }
journal-schedule-failed = 日程未导入：{ $error }
read-only-storage = 这个日志位于只读存储上；请把它复制到可写的文件夹再编辑
read-only-file = 这个日志文件受写保护；请把它复制到可写的文件夹再编辑
read-only-folder = 这个日志所在的文件夹受写保护；请把它复制到可写的文件夹再编辑
editing-off-storage = 编辑已关闭：这个日志位于只读存储上；请把它复制到可写的文件夹再编辑
editing-off-file = 编辑已关闭：这个日志文件受写保护；请把它复制到可写的文件夹再编辑
editing-off-folder = 编辑已关闭：这个日志所在的文件夹受写保护；请把它复制到可写的文件夹再编辑

## Export and form errors the window words.
export-would-replace = 不会替换输出文件夹中的 { $count } 个文件，未做任何更改：{ $files }。勾选“覆盖”即可替换。
export-slug-without-letters = 短名需要包含字母或数字（它会成为文件名）
export-max-width-too-small = 最大宽度 { $width } 像素太小：至少 { $least } 像素
export-symlink = 拒绝通过输出文件夹中的符号链接写入：{ $path }
export-blocked = 有文件夹或特殊文件挡住了导出：{ $path }
export-busy = 另一个导出正在写入这个文件夹；请在它结束后重试：{ $path }
export-disk-full = 磁盘已满；输出文件夹中未做任何更改：{ $path }
export-cancelled = 导出已取消；输出文件夹中未做任何更改
export-form-no-folder = 请先选择目标文件夹
export-form-bad-date = 文章日期的格式应为 2018-11-13
trip-form-bad-start = 开始日期的格式应为 2018-11-13
trip-form-bad-end = 结束日期的格式应为 2018-11-13

## The status bar's jobs and lists, the damaged-rows banner, a journal that did not open.
status-importing-photos = 正在导入照片
status-cancel-import = 取消导入
status-saving = 正在保存…
status-photos-not-imported = { $count } 张照片无法导入
status-events-skipped = 日程中有 { $count } 个事件被跳过
status-dismiss = 关闭
damage-headline = ⚠ 这个日志有 { $count } 行无法读取，未显示
damage-set-aside = 搁置
damage-set-aside-help = 把它们移开，其余内容即可导出；它们仍保存在日志文件中
damage-more = 还有 { $count } 行
journal-not-opened = 无法打开日志
journal-open-another = 打开另一个日志文件（文件不存在时会新建）：
journal-file = 日志文件：
journal-open = 打开
journal-choose = 选择…

## Shared by the dialogs.
dialog-cancel = 取消
date-hint = YYYY-MM-DD
tags-hint = 用逗号分隔

## The export dialog.
export-title = 导出为博客文章
export-layout = 布局
export-layout-plain = 普通文件夹
export-order = 顺序
export-order-day = 按天
export-order-kind = 按类型
export-order-section = 按章节
export-numbering = 编号
export-numbering-help = 标题自带编号的，只保留它自己的编号
export-numbering-none = 无
export-max-width = 最大宽度（像素）
export-destination = 目标文件夹
export-keep-gps = 保留 GPS 位置
export-gallery = 未归类照片的相册
export-programme = 会议日程
export-talks-attended = 我听过的讲座
export-talks-attended-help = 在文章末尾列出有笔记的已收藏讲座
export-post = 文章
export-draft = 草稿
export-published = 已发布
export-overwrite = 覆盖
export-overwrite-help = 替换或删除文件夹中不是这个行程上次导出写入的文件，或之后被改动过的文件
export-phone-size = 另存 800 像素给手机
export-phone-size-help = 每张图片再写一份 800 像素的，由浏览器挑选（srcset）。普通文件夹和 Jekyll 文章会用 HTML <img>；Hugo 用渲染钩子生成尺寸（见 README）。
export-git = 提交到 Git
export-git-help = 目标文件夹是博客的 Git 仓库：文章成为它自己分支上的一个提交。你的文件、暂存的改动和当前分支都不会被改动；不会推送。
export-git-branch = 分支
export-git-committed = ✔ 已在 { $branch } 上提交 { $commit }；推送：git push -u origin { $branch }
export-git-unchanged = ✔ { $branch } 已包含这篇文章；没有新提交
export-git-not-repository = 不是 Git 仓库的顶层文件夹：{ $path }
export-git-no-identity = 这个仓库的 Git 没有设置 user.name 和 user.email；请用 git config user.name 和 git config user.email 设置
export-git-not-ours = 分支 { $branch } 已存在且不是 tripjournal 创建的；请换一个名字，或勾选“覆盖”在它上面提交
export-post-date = 文章日期
export-post-date-hint = 行程的第一天
export-slug = 短名
export-slug-hint = 同上次（来自行程名称）
export-slug-help = 文章的文件名和网址名；行程会记住它，供以后导出使用
export-preview = 预览
export-rendered = 渲染效果
export-source = 源码
export-export = 导出
export-images-unit = {" "}张图片
export-written = ✔ 已写入：{ $post }
export-removed = · 删除了 { $count } 个不再属于文章的文件
export-kept = · 保留了 { $count } 个你改动过的旧文件（勾选“覆盖”可删除它们）
export-open-folder = 打开文件夹

## The trip dialog.
trip-new-title = 新建行程
trip-edit-title = 编辑行程
trip-name = 名称
trip-name-hint = 2018 柏林峰会
trip-city = 城市
trip-city-hint = 柏林
trip-country = 国家
trip-country-hint = 德国
trip-start-date = 开始日期
trip-end-date = 结束日期
trip-pick-date = 在日历上选择日期
trip-slug-hint = 来自名称，例如 berlin-summit-2018
trip-author = 作者
trip-summary = 摘要
trip-time-zone = 时区
trip-zone-from-place = 来自地点
trip-cover-set = 已设置封面照片。
trip-remove-cover = 移除封面
trip-cover-hint = 可在照片的菜单中设置封面。
trip-save = 保存行程
trip-create = 创建行程
trip-post-language = 文章语言
trip-post-language-automatic = 自动（根据行程的文字）
trip-zone-doubt-offsets = 时区 { $zone } 是猜测的：日程只给出了 UTC 偏移（{ $offsets }），没有地点；用城市的时区还能正确处理夏令时。请输入会议的时区（例如 Europe/Brussels），或保留它。
trip-zone-doubt-nothing = 时区 { $zone } 是猜测的：日程没有写明时区、地点或 UTC 偏移。请输入会议的时区（例如 Europe/Brussels），或保留它。
trip-zone-doubt = 时区 { $zone } 的依据：{ $reason }。请输入会议的时区（例如 Europe/Brussels），或保留它。

## The watched folder.
watch-title = 监视文件夹
watch-lead = 到达这个文件夹的照片（手机的同步文件夹、读卡器）会被导入到行程的未归类照片中。
watch-folder = 文件夹
watch-go = 监视
watch-watching = 正在监视 { $folder }
watch-watching-new = 正在监视 { $folder } · 新增 { $count } 张
watch-stop = 停止监视
watch-first-title = 文件夹中已有照片
watch-first-question = { $folder } 中已有 { $count } 张照片——要导入吗？
watch-import-them = 导入它们
watch-not-these = 不导入这些

## The camera clock.
clock-title = 相机时钟
clock-off-by = 来自 { $camera } 的照片时间偏差
clock-off-by-help = 例如 +2h、-7h30m、+90s、-1d 或 +00:05
clock-shift = 调整
clock-moving = { $count } 张照片的时间会改变。
clock-no-entry = 无条目

## A conference programme's file.
schedule-file-offer-title = 打开会议日程
schedule-file-import-title = 导入会议日程
schedule-file-new-title = 从会议日程新建行程
schedule-file-import = 导入
schedule-file-lead = 会议发布的日程文件：.ics、schedule.xml 或 schedule.json。输入或粘贴它的路径（这里没有可用的文件对话框），或把文件拖到窗口上。
schedule-file-file = 文件
schedule-file-offer-lead = 用 tripjournal 打开了一个会议日程。要把它变成什么？
schedule-file-offer-new = 一个包含这些讲座的新行程
schedule-file-offer-into = 把讲座加入“{ $trip }”

## Deleting.
delete-trip-question = 删除这个行程？
delete-trip-what = “{ $trip }”及其所有条目和照片都会从日志中删除。
delete-trip = 删除行程
delete-entry-question = 删除“{ $entry }”？
delete-entry-undo = 撤销（Ctrl+Z）可以恢复。
delete-entry-photos = 它的 { $count } 张照片会回到行程的未归类照片中，除非你把照片一起删除（那样无法撤销）。
delete-entry = 删除条目
delete-entry-with-photos = 连同 { $count } 张照片一起删除

## Photos (strips, suggestions, the viewer).
photo-none-yet = 还没有照片：把文件拖到窗口上、粘贴图片，或使用“添加照片”。
photo-no-unassigned = 没有未归类的照片。
photo-tooltip = 照片：{ $caption }
    点击查看，拖到条目上即可移动
photo-suggested = 💡 有 { $count } 张未归类的照片拍摄于这个条目前后。
photo-add-them = 添加它们
photo-viewer-title = 照片
photo-close-viewer = 关闭查看器
photo-caption = 说明
photo-previous = ◀ 上一张
photo-previous-help = 左方向键
photo-next = 下一张 ▶
photo-next-help = 右方向键
photo-taken = 拍摄于 { $time }
photo-has-gps = 含 GPS（除非你要求，否则不会导出）

## The food board.
food-none = 还没有美食评分。添加一条美食评分（Ctrl+3），或给一餐打分。
food-sort-by = 按{ $column }排序

## The Schedule's rows, grid and Now/next strip.
schedule-now-at = 现在 { $time }
schedule-now = 现在
schedule-next = 接下来
schedule-cancelled = 已取消：最新的日程中不再有它。
schedule-start-notes-hint = 双击或按回车：开始记笔记
schedule-all-day = 全天
schedule-all-day-label = 全天：
schedule-no-room = 无会场
schedule-strip-hint = 现在 / 接下来：收藏讲座（在日程中按 ☆ 或 S）即可在这里看到

## The timeline's rows.
timeline-drag-help = 拖到别的位置或章节
timeline-move-to-section = 移到章节
timeline-no-section-choice = （无章节）
timeline-no-section = 无章节
trips-choose = 在左侧选择一个行程

## The desktop's file dialogs.
file-dialog-photos-title = 添加照片
file-dialog-photos = 照片
file-dialog-schedules = 会议日程
file-dialog-export-title = 导出到文件夹
file-dialog-journal-title = 打开日志
file-dialog-journal = 日志

## The entry editor (more).
editor-not-saved-write-like = 未保存：请写成 { $hint } 的格式
editor-price = 价格
editor-price-hint = 12.50 EUR
editor-close-help = 关闭编辑器；你输入的内容会保留（{ $keys }）
editor-when = 时间（{ $zone }）
editor-when-hint = YYYY-MM-DD HH:MM
editor-section-hint = 例如 一、社区在发展
editor-speaker = 我是讲者
editor-dish-hint = 德式烤猪肘
editor-category-hint = 例如 德式烤猪肘
editor-source = 来源
editor-source-hint = 亲自品尝，或例如点评网站上的 4.6 分

## Stars, the Schedule's buttons, moving rows.
stars-none = 未评分
stars-value = { $rating } / 5 星
stars-help = { $label }：{ $value }。点击或使用 ←/→；Delete 清除。
schedule-star = 收藏“{ $title }”
schedule-unstar = 取消收藏“{ $title }”
schedule-notes = ✏ 笔记
schedule-start-notes = 开始记笔记
schedule-open-notes-on = 打开“{ $title }”的笔记
schedule-start-notes-on = 开始记“{ $title }”的笔记
timeline-move-up = 把“{ $title }”在章节中上移
timeline-move-down = 把“{ $title }”在章节中下移
timeline-move-section-up = 上移章节“{ $section }”
timeline-move-section-down = 下移章节“{ $section }”
watch-folder-lost = 现在无法读取该文件夹：{ $error }
watch-stopped = 已停止监视
watch-stopped-by = 已停止监视：{ $error }
clock-bad-shift = “{ $typed }”不是时间偏差：请写成 +2h、-7h30m、+90s、-1d 或 +00:05 这样的格式

## The plan: changes, clashes, marks, the calendar file, reminders.
plan-changes-heading = 新日程对你的计划有 { $count } 处变动：
plan-change-moved = ↻ “{ $title }”已调整：{ $before } ⏵ { $now }
plan-change-cancelled = ✖ “{ $title }”已取消（{ $now }）
plan-change-new = ✚ 你关注的分会场有新讲座：“{ $title }”（{ $now }）
plan-clash = “{ $first }”与“{ $second }”时间冲突
plan-keep = 保留“{ $title }”
plan-mark-maybe = 待定（不在计划中）
plan-mark-attended = 已参加
plan-mark-watch-later = 稍后看录像
plan-export = 📅 计划导出为日历
plan-export-help = 把收藏的讲座（待定的除外）写入 { $file }，供手机日历导入；再次导出会更新其中的日程
plan-empty = 这一天没有收藏的讲座。在列表或网格中收藏讲座（☆ 或 S）来安排这一天。
plan-gap = 空档 { $from }–{ $to }（{ $minutes } 分钟）
plan-keep-this = 保留这场
plan-back-in = 放回计划
plan-back-in-on = 把“{ $title }”放回计划
plan-maybe-prefix = 待定 ·{" "}
plan-clashes-with = 时间冲突：{ $titles }
plan-moved-from = 已调整；原为 { $before }
status-plan-exported = 已把 { $count } 场讲座写入 { $file }
status-plan-folder = { $folder } 是一个文件夹；计划需要一个文件名
status-plan-not-written = 计划未写入 { $file }：{ $error }
reminder-setting = ⏰ 提前
reminder-minutes-suffix = {" "}分钟提醒
reminder-setting-help = 收藏的讲座开始前几分钟提醒（0：不提醒）
reminder-line = ⏰ { $time } “{ $title }” · { $room }
reminder-notification-body = { $time } 在 { $room } 开始
