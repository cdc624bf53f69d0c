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
